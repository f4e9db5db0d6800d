# A discrete-time elevator simulation with requests and a log.
IDLE = 0
UP = 1
DOWN = 2


class Request(object):
    def __init__(self, t, src, dst, who):
        self.t = t
        self.src = src
        self.dst = dst
        self.who = who
        self.picked = -1
        self.done = -1


class Elevator(object):
    def __init__(self, floors, capacity):
        self.floors = floors
        self.capacity = capacity
        self.floor = 0
        self.state = IDLE
        self.riders = []
        self.moves = 0

    def targets(self, waiting):
        ts = [r.dst for r in self.riders]
        for r in waiting:
            ts.append(r.src)
        return ts

    def step(self, t, waiting, log):
        # Unload.
        staying = []
        for r in self.riders:
            if r.dst == self.floor:
                r.done = t
                log.append("t=%02d %s leaves at %d" % (t, r.who, self.floor))
            else:
                staying.append(r)
        self.riders = staying
        # Load.
        still = []
        for r in waiting:
            if r.src == self.floor and len(self.riders) < self.capacity:
                r.picked = t
                self.riders.append(r)
                log.append("t=%02d %s boards at %d -> %d" % (t, r.who, self.floor, r.dst))
            else:
                still.append(r)
        ts = self.targets(still)
        if not ts:
            self.state = IDLE
        elif self.state == UP and max(ts) > self.floor:
            pass
        elif self.state == DOWN and min(ts) < self.floor:
            pass
        elif max(ts) > self.floor:
            self.state = UP
        elif min(ts) < self.floor:
            self.state = DOWN
        else:
            self.state = IDLE
        if self.state == UP:
            self.floor += 1
            self.moves += 1
        elif self.state == DOWN:
            self.floor -= 1
            self.moves += 1
        return still


def entry_point(argv):
    reqs = [Request(0, 0, 5, "ann"), Request(1, 3, 0, "bob"), Request(2, 4, 6, "cy"),
            Request(2, 6, 1, "dee"), Request(5, 2, 3, "eve"), Request(9, 0, 2, "fay"),
            Request(9, 0, 7, "gus"), Request(9, 0, 4, "hal")]
    el = Elevator(8, 2)
    waiting = []
    log = []
    pending = reqs[:]
    t = 0
    names = ["idle", "up", "down"]
    while t < 60:
        while pending and pending[0].t <= t:
            waiting.append(pending.pop(0))
        waiting = el.step(t, waiting, log)
        if t % 5 == 0:
            log.append("t=%02d floor=%d %s riders=%s" % (
                t, el.floor, names[el.state], [r.who for r in el.riders]))
        if not pending and not waiting and not el.riders:
            break
        t += 1
    else:
        log.append("timeout")
    for line in log:
        print(line)
    print("finished at t=%d after %d moves" % (t, el.moves))
    total_wait = 0
    total_ride = 0
    for r in reqs:
        wait = r.picked - r.t
        ride = r.done - r.picked
        total_wait += wait
        total_ride += ride
        print("%-4s wait=%2d ride=%2d" % (r.who, wait, ride))
    print("avg wait %.2f, avg ride %.2f" % (float(total_wait) / len(reqs), float(total_ride) / len(reqs)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
