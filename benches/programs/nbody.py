"""nbody: the Sun and the four gas giants under Newtonian gravity.

Written for hotpy from the Computer Language Benchmarks Game description. The
bodies are objects with position, velocity and mass; a step updates every
pair's velocities and then every position (a symplectic Euler step). The
system's momentum is first set to zero by giving the Sun a small velocity.

It prints the total energy before and after the run, to nine decimals
(-0.169075164 and then -0.169087605 after 1000 steps).

Usage: python3 nbody.py [STEPS]
"""

import sys
from math import sqrt

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, name, pos, vel, mass):
        self.name = name
        self.x, self.y, self.z = pos
        self.vx = vel[0] * DAYS_PER_YEAR
        self.vy = vel[1] * DAYS_PER_YEAR
        self.vz = vel[2] * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def make_system():
    return [
        Body("sun", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        Body(
            "jupiter",
            (4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01),
            (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
            9.54791938424326609e-04,
        ),
        Body(
            "saturn",
            (8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01),
            (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
            2.85885980666130812e-04,
        ),
        Body(
            "uranus",
            (1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01),
            (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
            4.36624404335156298e-05,
        ),
        Body(
            "neptune",
            (1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01),
            (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
            5.15138902046611451e-05,
        ),
    ]


def all_pairs(bodies):
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def energy(bodies, pairs):
    e = 0.0
    for b in bodies:
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for b1, b2 in pairs:
        dx = b1.x - b2.x
        dy = b1.y - b2.y
        dz = b1.z - b2.z
        e -= (b1.mass * b2.mass) / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1.x - b2.x
            dy = b1.y - b2.y
            dz = b1.z - b2.z
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt / (dist2 * sqrt(dist2))
            m1 = b1.mass * mag
            m2 = b2.mass * mag
            b1.vx -= dx * m2
            b1.vy -= dy * m2
            b1.vz -= dz * m2
            b2.vx += dx * m1
            b2.vy += dy * m1
            b2.vz += dz * m1
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    bodies = make_system()
    pairs = all_pairs(bodies)
    offset_momentum(bodies)
    print("%.9f" % energy(bodies, pairs))
    advance(bodies, pairs, 0.01, steps)
    print("%.9f" % energy(bodies, pairs))
    for b in bodies:
        print("%-8s %.6f %.6f %.6f" % (b.name, b.x, b.y, b.z))


if __name__ == "__main__":
    main()
