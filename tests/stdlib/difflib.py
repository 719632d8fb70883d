# ---- ratio
from difflib import SequenceMatcher
for a, b in [('abcd', 'bcde'), ('hello', 'hallo'), ('', ''), ('abc', ''), ('kitten', 'sitting'), ('apple pie', 'apple pies'), ('same', 'same')]:
    s = SequenceMatcher(None, a, b)
    print(a, b, '%.6f' % s.ratio(), '%.6f' % s.quick_ratio(), '%.6f' % s.real_quick_ratio())
# ---- matching blocks
from difflib import SequenceMatcher
s = SequenceMatcher(None, 'abxcd', 'abcd')
print(s.get_matching_blocks(), s.find_longest_match(0, 5, 0, 4))
print(SequenceMatcher(None, 'private Thread currentThread;', 'private volatile Thread currentThread;').get_matching_blocks())
# ---- isjunk
from difflib import SequenceMatcher
s = SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;', 'private volatile Thread currentThread;')
print('%.6f' % s.ratio(), s.get_matching_blocks())
# ---- opcodes
from difflib import SequenceMatcher
s = SequenceMatcher(None, 'qabxcd', 'abycdf')
for op in s.get_opcodes():
    print(op)
# ---- lists
from difflib import SequenceMatcher
a = ['one', 'two', 'three', 'four']
b = ['zero', 'one', 'three', 'four', 'five']
print(SequenceMatcher(None, a, b).get_opcodes(), '%.6f' % SequenceMatcher(None, a, b).ratio())
# ---- get_close_matches
from difflib import get_close_matches
print(get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']), get_close_matches('wheel', ['while', 'wheel', 'whale', 'what', 'weal'], n=2), get_close_matches('xyz', ['abc']), get_close_matches('pyth', ['python', 'pythonic', 'java'], cutoff=0.5))
# ---- unified_diff
from difflib import unified_diff
a = ['a\n', 'b\n', 'c\n', 'd\n']
b = ['a\n', 'B\n', 'c\n', 'd\n', 'e\n']
print(''.join(unified_diff(a, b, fromfile='old.txt', tofile='new.txt')))
# ---- unified_diff context
from difflib import unified_diff
a = [str(i) for i in range(20)]
b = list(a); b[3] = 'x'; b[15] = 'y'
print('\n'.join(unified_diff(a, b, lineterm='', n=2)))
print(list(unified_diff(['same'], ['same'])))
# ---- long sequences autojunk
from difflib import SequenceMatcher
a = 'a' * 150 + 'xyz' + 'b' * 100
b = 'a' * 140 + 'xyz' + 'b' * 110
print('%.6f' % SequenceMatcher(None, a, b).ratio(), '%.6f' % SequenceMatcher(None, a, b, autojunk=False).ratio())
# ---- ndiff-like words
from difflib import SequenceMatcher
s = SequenceMatcher(None, 'the quick brown fox'.split(), 'the slow brown dog'.split())
print(s.get_opcodes(), '%.6f' % s.ratio())
