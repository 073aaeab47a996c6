# Admin for this app is registered here as its models arrive.
