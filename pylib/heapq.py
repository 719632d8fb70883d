# mpnode's heapq, written from CPython 3.11's documentation (a binary
# min-heap in a list, heap[k] <= heap[2k+1] and heap[2k+2]).


def _up(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _down(heap, pos):
    end = len(heap)
    item = heap[pos]
    while True:
        child = 2 * pos + 1
        if child >= end:
            break
        if child + 1 < end and heap[child + 1] < heap[child]:
            child += 1
        if heap[child] < item:
            heap[pos] = heap[child]
            pos = child
        else:
            break
    heap[pos] = item


def heappush(heap, item):
    heap.append(item)
    _up(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _down(heap, 0)
        return item
    return last


def heapreplace(heap, item):
    top = heap[0]
    heap[0] = item
    _down(heap, 0)
    return top


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _down(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _down(x, i)


def merge(*iterables, key=None, reverse=False):
    items = []
    for idx, it in enumerate(iterables):
        for n, x in enumerate(it):
            items.append(x)
    return iter(_stable_sorted(items, key, reverse))


def _stable_sorted(items, key, reverse):
    # v1.9.4's sort is not stable; the index breaks ties.
    keys = [x if key is None else key(x) for x in items]
    if reverse:
        order = sorted(range(len(items)), key=lambda i: (_Rev(keys[i]), i))
    else:
        order = sorted(range(len(items)), key=lambda i: (keys[i], i))
    return [items[i] for i in order]


class _Rev:
    __slots__ = ('v',)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return other.v < self.v

    def __gt__(self, other):
        return self.v < other.v

    def __le__(self, other):
        return not self.v < other.v

    def __ge__(self, other):
        return not other.v < self.v

    def __eq__(self, other):
        return self.v == other.v


def nsmallest(n, iterable, key=None):
    return _stable_sorted(list(iterable), key, False)[:n]


def nlargest(n, iterable, key=None):
    return _stable_sorted(list(iterable), key, True)[:n]
