"""richards: Martin Richards' operating-system task scheduler simulation.

Written for hotpy from the description of the BCPL original. Six tasks (an
idle task, a worker, two handlers and two devices) pass packets to each other
through a priority scheduler. Task state is a small bit set: a packet is
pending, the task waits, the task is held. Each run simulates the system until
the idle task has counted down and holds itself.

It prints how many packets were queued and how many times a task held itself
(23246 and 9297 for the classic count of 10000), plus a checksum of the bytes
the device tasks received.

Usage: python3 richards.py [REPEATS]
"""

import sys

I_IDLE, I_WORK, I_HANDLER_A, I_HANDLER_B, I_DEV_A, I_DEV_B = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4

PKT_BIT = 1
WAIT_BIT = 2
HOLD_BIT = 4
RUNNING = 0
WAITING = WAIT_BIT
WAITING_WITH_PACKET = WAIT_BIT | PKT_BIT


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE


def append_packet(pkt, queue):
    """Put `pkt` at the end of `queue` and return the new queue head."""
    pkt.link = None
    if queue is None:
        return pkt
    last = queue
    while last.link is not None:
        last = last.link
    last.link = pkt
    return queue


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.checksum = 0

    def find(self, ident):
        task = self.table[ident]
        if task is None:
            raise ValueError("no task %d" % ident)
        return task

    def hold_self(self):
        self.hold_count += 1
        cur = self.current
        cur.state |= HOLD_BIT
        return cur.link

    def release(self, ident):
        task = self.find(ident)
        task.state &= ~HOLD_BIT
        if task.pri > self.current.pri:
            return task
        return self.current

    def wait(self):
        self.current.state |= WAIT_BIT
        return self.current

    def send(self, pkt):
        task = self.find(pkt.dest)
        self.queue_count += 1
        pkt.link = None
        pkt.dest = self.current.ident
        if task.queue is None:
            task.queue = pkt
            task.state |= PKT_BIT
            if task.pri > self.current.pri:
                return task
        else:
            task.queue = append_packet(pkt, task.queue)
        return self.current

    def run(self):
        task = self.tasks
        while task is not None:
            state = task.state
            if state & HOLD_BIT or state == WAITING:
                task = task.link
                continue
            pkt = None
            if state == WAITING_WITH_PACKET:
                pkt = task.queue
                task.queue = pkt.link
                task.state = RUNNING if task.queue is None else PKT_BIT
            self.current = task
            task = task.step(pkt)


class Task:
    def __init__(self, sched, ident, pri, queue, state):
        self.sched = sched
        self.ident = ident
        self.pri = pri
        self.queue = queue
        self.state = state
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def step(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, sched, ident, pri, queue, state, count):
        Task.__init__(self, sched, ident, pri, queue, state)
        self.seed = 1
        self.count = count

    def step(self, pkt):
        sched = self.sched
        self.count -= 1
        if self.count == 0:
            return sched.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return sched.release(I_DEV_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return sched.release(I_DEV_B)


class WorkTask(Task):
    def __init__(self, sched, ident, pri, queue, state):
        Task.__init__(self, sched, ident, pri, queue, state)
        self.dest = I_HANDLER_A
        self.letter = 0

    def step(self, pkt):
        sched = self.sched
        if pkt is None:
            return sched.wait()
        self.dest = I_HANDLER_B if self.dest == I_HANDLER_A else I_HANDLER_A
        pkt.dest = self.dest
        pkt.datum = 0
        data = pkt.data
        for i in range(BUFSIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return sched.send(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, pri, queue, state):
        Task.__init__(self, sched, ident, pri, queue, state)
        self.work = None
        self.devices = None

    def step(self, pkt):
        sched = self.sched
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work = append_packet(pkt, self.work)
            else:
                self.devices = append_packet(pkt, self.devices)
        work = self.work
        if work is not None:
            n = work.datum
            if n < BUFSIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.datum = work.data[n]
                    work.datum = n + 1
                    return sched.send(dev)
            else:
                self.work = work.link
                return sched.send(work)
        return sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, pri, queue, state):
        Task.__init__(self, sched, ident, pri, queue, state)
        self.pending = None

    def step(self, pkt):
        sched = self.sched
        if pkt is None:
            pending = self.pending
            if pending is None:
                return sched.wait()
            self.pending = None
            return sched.send(pending)
        self.pending = pkt
        sched.checksum = (sched.checksum * 31 + pkt.datum * self.ident) % 1000000007
        return sched.hold_self()


def simulate(count):
    sched = Scheduler()
    IdleTask(sched, I_IDLE, 0, None, RUNNING, count)

    queue = Packet(None, 0, K_WORK)
    queue = Packet(queue, 0, K_WORK)
    WorkTask(sched, I_WORK, 1000, queue, WAITING_WITH_PACKET)

    queue = None
    for _ in range(3):
        queue = Packet(queue, I_DEV_A, K_DEV)
    HandlerTask(sched, I_HANDLER_A, 2000, queue, WAITING_WITH_PACKET)

    queue = None
    for _ in range(3):
        queue = Packet(queue, I_DEV_B, K_DEV)
    HandlerTask(sched, I_HANDLER_B, 3000, queue, WAITING_WITH_PACKET)

    DeviceTask(sched, I_DEV_A, 4000, None, WAITING)
    DeviceTask(sched, I_DEV_B, 5000, None, WAITING)

    sched.run()
    return sched.queue_count, sched.hold_count, sched.checksum


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 24
    results = {}
    for i in range(repeats):
        count = 10000 if i % 2 == 0 else 7000 + i
        result = simulate(count)
        results[count] = result
    for count in sorted(results):
        queued, held, checksum = results[count]
        print("count %d: queued %d held %d checksum %d" % (count, queued, held, checksum))


if __name__ == "__main__":
    main()
