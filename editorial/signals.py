from django.dispatch import Signal

# Sent after the transaction of a transition commits, for every kind:
# sender=the model class, obj=the object, transition=the Transition, entry=the HistoryEntry.
# (A shared page cache, for one, can listen to it.)
state_changed = Signal()

# Sent inside the transaction of restore_version(), before the object's row is
# locked: sender=the model class, obj=the object. For locks that a kind's own
# writes take before that row lock (the calendar's occurrences lock), so that
# a restore keeps their order and cannot deadlock with them.
version_restoring = Signal()

# Sent inside the transaction of restore_version(), after the restored content
# is saved: sender=the model class, obj=the object. For what a kind derives
# from its content (the calendar stores an event's dates again).
version_restored = Signal()
