"""raytrace: a small recursive ray tracer rendering into an in-memory canvas.

Written for hotpy. The scene has three spheres and a checkered floor plane,
two point lights, Lambert shading, Phong highlights, hard shadows and
mirror reflections up to a fixed depth. Vectors are small immutable objects
with operator methods, so the work is object allocation, method calls and
float arithmetic.

Each pixel's colour is clamped and quantised to 0..255 per channel. It prints
a checksum of the canvas, the mean brightness and a few sample pixels.

Usage: python3 raytrace.py [WIDTH]   (height is 3/4 of the width)
"""

import sys
from math import sqrt

EPSILON = 1e-6
MAX_DEPTH = 3


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def mul(self, o):
        """Component-wise product (used for colours)."""
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def length(self):
        return sqrt(self.dot(self))

    def normalized(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


BLACK = Vec(0.0, 0.0, 0.0)
WHITE = Vec(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess_steps, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        # The highlight exponent is 2 ** shininess_steps, computed by squaring.
        self.shininess_steps = shininess_steps
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, color, other, size, diffuse, specular, shininess_steps, reflect):
        Material.__init__(self, color, diffuse, specular, shininess_steps, reflect)
        self.other = other
        self.size = size

    def color_at(self, point):
        ix = int((point.x + 1000.0) / self.size)
        iz = int((point.z + 1000.0) / self.size)
        return self.color if (ix + iz) % 2 == 0 else self.other


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 3.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.8, 0.6, 5, 0.3)),
            Sphere(Vec(-2.2, 0.7, 4.0), 0.7, Material(Vec(0.2, 0.8, 0.3), 0.9, 0.3, 3, 0.1)),
            Sphere(Vec(1.8, 0.5, 1.8), 0.5, Material(Vec(0.3, 0.4, 1.0), 0.7, 0.8, 6, 0.5)),
            Plane(
                Vec(0.0, 0.0, 0.0),
                Vec(0.0, 1.0, 0.0),
                Checker(Vec(0.9, 0.9, 0.9), Vec(0.15, 0.15, 0.15), 1.0, 0.9, 0.1, 2, 0.2),
            ),
        ]
        self.lights = [
            Light(Vec(-4.0, 6.0, -3.0), Vec(0.8, 0.8, 0.8)),
            Light(Vec(5.0, 4.0, 0.0), Vec(0.4, 0.35, 0.3)),
        ]
        self.ambient = Vec(0.08, 0.08, 0.1)
        self.sky = Vec(0.35, 0.5, 0.8)

    def nearest(self, ray):
        best_t = None
        best_obj = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best_obj = obj
        return best_obj, best_t

    def in_shadow(self, point, light_dir, light_dist):
        ray = Ray(point, light_dir)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < light_dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            # A simple vertical sky gradient.
            k = 0.5 * (ray.direction.y + 1.0)
            return WHITE * (1.0 - k) + self.sky * k
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        mat = obj.material
        base = mat.color_at(point)
        color = base.mul(self.ambient)
        lift = point + normal * 1e-4
        for light in self.lights:
            to_light = light.position - point
            dist = to_light.length()
            ldir = to_light * (1.0 / dist)
            lambert = normal.dot(ldir)
            if lambert <= 0.0 or self.in_shadow(lift, ldir, dist):
                continue
            color = color + base.mul(light.color) * (lambert * mat.diffuse)
            spec = ldir.reflect(normal).dot(ray.direction)
            if spec > 0.0:
                for _ in range(mat.shininess_steps):
                    spec = spec * spec
                color = color + light.color * (spec * mat.specular)
        if depth < MAX_DEPTH and mat.reflect > 0.0:
            bounce = Ray(lift, ray.direction.reflect(normal))
            color = color * (1.0 - mat.reflect) + self.trace(bounce, depth + 1) * mat.reflect
        return color


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def render(scene, width, height):
    eye = Vec(0.0, 1.6, -4.0)
    canvas = []
    aspect = width / height
    for row in range(height):
        line = []
        y = 1.0 - 2.0 * (row + 0.5) / height
        for col in range(width):
            x = (2.0 * (col + 0.5) / width - 1.0) * aspect
            direction = Vec(x, y - 0.25, 1.6).normalized()
            c = scene.trace(Ray(eye, direction), 0)
            line.append((to_byte(c.x), to_byte(c.y), to_byte(c.z)))
        canvas.append(line)
    return canvas


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 192
    height = width * 3 // 4
    canvas = render(Scene(), width, height)
    checksum = 0
    brightness = 0
    for line in canvas:
        for r, g, b in line:
            checksum = (checksum * 257 + r * 65536 + g * 256 + b) % 4294967291
            brightness += r + g + b
    print("canvas %dx%d checksum %d" % (width, height, checksum))
    print("mean brightness %.6f" % (brightness / (3 * width * height)))
    for row in range(0, height, height // 4):
        print("row %d:" % row, canvas[row][0], canvas[row][width // 2], canvas[row][width - 1])


if __name__ == "__main__":
    main()
