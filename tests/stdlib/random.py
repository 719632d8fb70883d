# ---- random exact
import random
random.seed(42)
print([int(random.random() * 2 ** 53) for _ in range(5)])
random.seed(0)
print(int(random.random() * 2 ** 53))
# ---- big seeds
import random
for s in [1, 12345, 2 ** 40 + 7, -5, 2 ** 100]:
    random.seed(s)
    print(s, random.getrandbits(32), random.getrandbits(7), random.getrandbits(70))
# ---- randint randrange
import random
random.seed(7)
print([random.randint(1, 6) for _ in range(20)], [random.randrange(10) for _ in range(10)], [random.randrange(0, 100, 5) for _ in range(5)], random.randrange(-10, -2), random.randrange(10, 0, -3))
# ---- choice
import random
random.seed(3)
print([random.choice('abcdefg') for _ in range(10)], random.choice([1, 2, 3]), random.choice(range(1000)))
# ---- shuffle
import random
random.seed(11)
x = list(range(20)); random.shuffle(x); print(x)
y = ['a', 'b', 'c']; random.shuffle(y); print(y)
# ---- sample
import random
random.seed(5)
print(random.sample(range(100), 10), random.sample('abcdef', 3), random.sample(range(10000), 5), random.sample([1, 2, 3], 3))
# ---- choices
import random
random.seed(9)
print(random.choices('abc', k=8), random.choices([1, 2, 3], weights=[10, 1, 1], k=8), random.choices('xy', cum_weights=[1, 4], k=6))
# ---- uniform gauss
import random
random.seed(13)
print(['%.9f' % random.uniform(1, 10) for _ in range(3)], ['%.9f' % random.gauss(0, 1) for _ in range(4)], '%.6f' % random.gauss(100, 15))
# ---- Random instances
import random
a, b = random.Random(99), random.Random(99)
print([a.randint(0, 1000) for _ in range(5)] == [b.randint(0, 1000) for _ in range(5)], random.Random(1).randint(0, 10 ** 9))
r = random.Random(); r.seed(2024); print(r.randint(0, 10 ** 6), r.choice('xyz'))
# ---- errors
import random
for f in [lambda: random.randrange(0), lambda: random.sample([1], 2), lambda: random.randint(5, 1)]:
    try:
        f()
    except ValueError:
        print('ValueError')
try:
    random.choice([])
except IndexError:
    print('IndexError')
# ---- state
import random
random.seed(1)
s = random.getstate()
x = random.random()
random.setstate(s)
print(random.random() == x)
