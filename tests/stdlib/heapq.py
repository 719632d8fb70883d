# ---- push pop
import heapq
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(6)])
# ---- heapify
import heapq
h = [9, 7, 5, 3, 1, 8]
heapq.heapify(h); print(h[0], sorted(h) == [1, 3, 5, 7, 8, 9], [heapq.heappop(h) for _ in range(len(h))])
# ---- heapreplace pushpop
import heapq
h = [1, 3, 5]; heapq.heapify(h)
print(heapq.heapreplace(h, 4), heapq.heappushpop(h, 0), heapq.heappushpop(h, 10), sorted(h))
# ---- tuples
import heapq
h = []
for t in [(2, 'b'), (1, 'z'), (2, 'a'), (0, 'q')]:
    heapq.heappush(h, t)
print([heapq.heappop(h) for _ in range(4)])
# ---- nlargest nsmallest
import heapq
data = [5, 1, 8, 3, 9, 2, 8]
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), heapq.nlargest(2, ['aa', 'b', 'ccc'], key=len), heapq.nsmallest(10, [3, 1]))
# ---- merge
import heapq
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge(['a', 'cc'], ['bbb'], key=len)), list(heapq.merge([7, 4], [5, 1], reverse=True)))
# ---- empty
import heapq
try:
    heapq.heappop([])
except IndexError:
    print('IndexError')
# ---- bisect
import bisect
a = [1, 2, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 0), bisect.bisect_left(a, 9), bisect.bisect(a, 4, 0, 2))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
# ---- bisect key
import bisect
rows = [('a', 1), ('b', 5), ('c', 9)]
print(bisect.bisect_left(rows, 5, key=lambda r: r[1]), bisect.bisect_right(rows, 5, key=lambda r: r[1]))
bisect.insort(rows, ('x', 6), key=lambda r: r[1]); print(rows)
# ---- grades
import bisect
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
