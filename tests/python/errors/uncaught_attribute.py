# Uncaught AttributeError on None
class Node:
    def __init__(self, nxt=None):
        self.next = nxt
        self.val = 1
n = Node(Node())
print(n.next.val)
print(n.next.next.val)
