"""binary_trees: allocate and walk many short-lived perfect binary trees.

Written for hotpy from the Computer Language Benchmarks Game description. It
first builds and checks a "stretch" tree one level deeper than the maximum,
then keeps one long-lived tree of the maximum depth while it builds and
discards many trees of depths 4, 6, ... (more of the shallow ones), and
finally checks the long-lived tree again. This mostly measures allocation and
the garbage collector.

A node is a small object; `check` counts the nodes of a tree.

Usage: python3 binary_trees.py [MAX_DEPTH]
"""

import sys


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def main():
    max_depth = int(sys.argv[1]) if len(sys.argv) > 1 else 14
    min_depth = 4
    max_depth = max(min_depth + 2, max_depth)

    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, check(make_tree(stretch))))

    long_lived = make_tree(max_depth)

    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        total = 0
        for _ in range(iterations):
            total += check(make_tree(depth))
        print("%d\t trees of depth %d\t check: %d" % (iterations, depth, total))

    print("long lived tree of depth %d\t check: %d" % (max_depth, check(long_lived)))


if __name__ == "__main__":
    main()
