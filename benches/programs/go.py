"""go: a small Go program that picks moves by Monte-Carlo tree search.

Written for hotpy. The board is 9x9 with Chinese-style area scoring and a
komi of 7.5. Captures, suicide (illegal) and simple ko are handled by flood
fills over a precomputed neighbour table. A playout fills the board with
random legal moves that do not fill the player's own eyes until both sides
pass, then scores it. The engine grows a UCT tree (UCB1 selection, one new
child per playout) and plays the most visited move.

All randomness comes from a self-written linear congruential generator with a
fixed seed, so games are reproducible. It plays a short game between two
engines, printing each move, the final position and its score.

Usage: python3 go.py [PLAYOUTS_PER_MOVE]
"""

import sys
from math import log, sqrt

SIZE = 9
AREA = SIZE * SIZE
KOMI = 7.5
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
COLUMNS = "ABCDEFGHJ"


def build_neighbours():
    table = []
    for pos in range(AREA):
        row, col = divmod(pos, SIZE)
        near = []
        if row > 0:
            near.append(pos - SIZE)
        if row < SIZE - 1:
            near.append(pos + SIZE)
        if col > 0:
            near.append(pos - 1)
        if col < SIZE - 1:
            near.append(pos + 1)
        table.append(near)
    return table


NEIGHBOURS = build_neighbours()


def move_name(pos):
    if pos == PASS:
        return "pass"
    row, col = divmod(pos, SIZE)
    return "%s%d" % (COLUMNS[col], SIZE - row)


class Rng:
    """31-bit linear congruential generator; the top bits are the useful ones."""

    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


class Board:
    def __init__(self):
        self.cells = [EMPTY] * AREA
        self.to_move = BLACK
        self.ko = PASS
        self.passes = 0
        self.moves = 0

    def copy(self):
        b = Board.__new__(Board)
        b.cells = self.cells[:]
        b.to_move = self.to_move
        b.ko = self.ko
        b.passes = self.passes
        b.moves = self.moves
        return b

    def dead_group(self, pos):
        """The stones of pos's group if it has no liberty, else None."""
        cells = self.cells
        for n in NEIGHBOURS[pos]:
            if cells[n] == EMPTY:
                return None
        color = cells[pos]
        stones = [pos]
        seen = {pos}
        i = 0
        while i < len(stones):
            for n in NEIGHBOURS[stones[i]]:
                c = cells[n]
                if c == EMPTY:
                    return None
                if c == color and n not in seen:
                    seen.add(n)
                    stones.append(n)
            i += 1
        return stones

    def is_own_eye(self, pos, color):
        cells = self.cells
        for n in NEIGHBOURS[pos]:
            if cells[n] != color:
                return False
        return True

    def play(self, pos):
        """Play pos (or PASS) for the side to move; False if illegal (board unchanged)."""
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
            self.to_move = 3 - self.to_move
            self.moves += 1
            return True
        cells = self.cells
        if cells[pos] != EMPTY or pos == self.ko:
            return False
        color = self.to_move
        other = 3 - color
        cells[pos] = color
        captured = []
        for n in NEIGHBOURS[pos]:
            # Only a group whose last liberty was pos can die.
            if cells[n] == other:
                dead = self.dead_group(n)
                if dead is not None:
                    for s in dead:
                        cells[s] = EMPTY
                    captured.extend(dead)
        if not captured and self.dead_group(pos) is not None:
            # Suicide: the new stone's group would have no liberty.
            cells[pos] = EMPTY
            return False
        self.ko = PASS
        if len(captured) == 1:
            alone = True
            liberties = 0
            for n in NEIGHBOURS[pos]:
                if cells[n] == color:
                    alone = False
                elif cells[n] == EMPTY:
                    liberties += 1
            if alone and liberties == 1:
                self.ko = captured[0]
        self.passes = 0
        self.to_move = other
        self.moves += 1
        return True

    def candidates(self):
        """Empty points that are not the mover's own eye (legality is checked on play)."""
        color = self.to_move
        cells = self.cells
        return [p for p in range(AREA) if cells[p] == EMPTY and not self.is_own_eye(p, color)]

    def score(self):
        """Black's area score minus White's, komi included."""
        counts = [0, 0, 0]
        cells = self.cells
        for p in range(AREA):
            c = cells[p]
            if c != EMPTY:
                counts[c] += 1
                continue
            owner = EMPTY
            for n in NEIGHBOURS[p]:
                nc = cells[n]
                if nc == EMPTY:
                    continue
                if owner == EMPTY:
                    owner = nc
                elif owner != nc:
                    owner = -1
                    break
            if owner > 0:
                counts[owner] += 1
        return counts[BLACK] - counts[WHITE] - KOMI

    def random_move(self, rng):
        """Play a random legal non-eye-filling move, or pass if there is none."""
        cells = self.cells
        color = self.to_move
        moves = [p for p in range(AREA) if cells[p] == EMPTY]
        while moves:
            i = rng.below(len(moves))
            pos = moves[i]
            moves[i] = moves[-1]
            moves.pop()
            if not self.is_own_eye(pos, color) and self.play(pos):
                return pos
        self.play(PASS)
        return PASS

    def playout(self, rng):
        limit = AREA * 3
        while self.passes < 2 and self.moves < limit:
            self.random_move(rng)
        return self.score()

    def show(self):
        lines = []
        for row in range(SIZE):
            marks = [".XO"[self.cells[row * SIZE + col]] for col in range(SIZE)]
            lines.append("%d %s" % (SIZE - row, " ".join(marks)))
        lines.append("  " + " ".join(COLUMNS))
        return "\n".join(lines)


class Node:
    def __init__(self, move, parent, mover):
        self.move = move
        self.parent = parent
        self.mover = mover  # the colour that played `move`
        self.children = []
        self.untried = None
        self.wins = 0
        self.visits = 0

    def ucb_child(self):
        scale = log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + 0.9 * sqrt(scale / child.visits)
            if value > best_value:
                best = child
                best_value = value
        return best


def search(board, rng, playouts):
    root = Node(PASS, None, 3 - board.to_move)
    for _ in range(playouts):
        node = root
        b = board.copy()
        while node.untried is not None and not node.untried and node.children:
            node = node.ucb_child()
            b.play(node.move)
        if node.untried is None:
            node.untried = b.candidates() if b.passes < 2 else []
        while node.untried:
            i = rng.below(len(node.untried))
            move = node.untried.pop(i)
            mover = b.to_move
            if b.play(move):
                child = Node(move, node, mover)
                node.children.append(child)
                node = child
                break
        margin = b.playout(rng)
        winner = BLACK if margin > 0 else WHITE
        while node is not None:
            node.visits += 1
            if node.mover == winner:
                node.wins += 1
            node = node.parent
    best = None
    for child in root.children:
        if best is None or child.visits > best.visits:
            best = child
    if best is None:
        return PASS, root.visits
    return best.move, root.visits


def main():
    playouts = int(sys.argv[1]) if len(sys.argv) > 1 else 48
    rng = Rng(20240607)
    board = Board()
    record = []
    total_visits = 0
    for _ in range(16):
        if board.passes >= 2:
            break
        strength = playouts if board.to_move == BLACK else playouts * 3 // 4
        move, visits = search(board, rng, strength)
        total_visits += visits
        board.play(move)
        record.append(move_name(move))
    print("moves: " + " ".join(record))
    print(board.show())
    print("score now (black - white - komi): %.1f" % board.score())
    print("visits %d, rng state %d" % (total_visits, rng.state))


if __name__ == "__main__":
    main()
