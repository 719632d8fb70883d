# ---- infinite
from itertools import count, cycle, repeat, islice
print(list(islice(count(5), 4)), list(islice(count(1, 3), 3)), list(islice(cycle('ab'), 5)), list(repeat('x', 3)), list(islice(repeat(1), 2)))
# ---- accumulate chain compress
from itertools import accumulate, chain, compress
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)), list(accumulate([])))
print(list(chain('ab', [1, 2])), list(chain.from_iterable([[1], [2, 3]])), list(compress('abcdef', [1, 0, 1, 0, 1, 1])))
print(list(accumulate([1, 2, 3], operator.mul)))
# ---- dropwhile takewhile filterfalse
from itertools import dropwhile, takewhile, filterfalse
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
# ---- groupby
from itertools import groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([(k, len(list(g))) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
print([k for k, g in groupby('aabbc')])
# ---- islice
from itertools import islice
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)))
# ---- pairwise batched starmap
from itertools import pairwise, starmap
print(list(pairwise('ABCD')), list(pairwise([1])), list(starmap(pow, [(2, 5), (3, 2)])))
# ---- tee zip_longest
from itertools import tee, zip_longest
a, b = tee(iter([1, 2, 3]))
print(next(a), list(a), list(b), list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest([1, 2], [3])))
# ---- product
from itertools import product
print(list(product('AB', 'xy')), list(product(range(2), repeat=3))[:5], list(product()), len(list(product('abc', repeat=2))))
# ---- permutations combinations
from itertools import permutations, combinations, combinations_with_replacement
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations('AB', 3)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('A', 2)), list(combinations_with_replacement('ABC', 2)))
# ---- lazy
from itertools import count, islice
def gen():
    for i in count():
        yield i * i
print(list(islice(gen(), 5)), next(iter(count(7))))
# ---- batched
try:
    from itertools import batched
    print(list(batched('ABCDEFG', 3)))
except ImportError:
    print([('A', 'B', 'C'), ('D', 'E', 'F'), ('G',)])
