from django.dispatch import Signal

# Sent after the transaction of a transition commits, for every kind:
# sender=the model class, obj=the object, transition=the Transition, entry=the HistoryEntry.
# (A shared page cache, for one, can listen to it.)
state_changed = Signal()
