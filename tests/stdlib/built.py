# ---- datetime
import datetime
print(datetime.date(2024, 2, 29) + datetime.timedelta(days=1), datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.timezone.utc).isoformat())
# ---- collections
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict
print(Counter('hello').most_common(2), deque([1, 2], maxlen=2), namedtuple('P', 'x y')(1, 2))
# ---- itertools functools operator
import itertools, functools, operator
print(list(itertools.combinations('abc', 2)), functools.reduce(operator.mul, range(1, 6)), list(itertools.pairwise([1, 2, 3])))
# ---- typing dataclasses enum
from typing import Optional, List
from dataclasses import dataclass, field, asdict
from enum import Enum

@dataclass
class Item:
    name: str
    tags: List[str] = field(default_factory=list)
    price: Optional[float] = None

class Kind(Enum):
    A = 1
    B = 2

print(Item('x'), asdict(Item('y', ['t'])) == {'name': 'y', 'tags': ['t'], 'price': None}, list(Kind), Kind(2).name)
# ---- random hashlib base64 uuid
import random, hashlib, base64, uuid
random.seed(1)
print(random.randint(1, 100), hashlib.sha256(b'abc').hexdigest()[:16], base64.b64encode(b'hi'), uuid.uuid5(uuid.NAMESPACE_DNS, 'x'))
# ---- text
import string, textwrap, html, urllib.parse, csv, difflib, fnmatch, shlex
print(string.capwords('a b'), textwrap.shorten('hello world foo', 12), html.escape('<'), urllib.parse.quote('a b'), shlex.split('a "b c"'), fnmatch.fnmatch('x.py', '*.py'), '%.3f' % difflib.SequenceMatcher(None, 'abc', 'abd').ratio())
# ---- numbers
import statistics, fractions, heapq, bisect, copy
print(statistics.median([3, 1, 2]), fractions.Fraction(1, 3) + fractions.Fraction(1, 6), heapq.nlargest(2, [5, 1, 9]), bisect.bisect([1, 3], 2), copy.deepcopy({'a': [1]}))
# ---- misc
import os.path, logging, warnings, pprint, contextlib, time, calendar
with contextlib.suppress(KeyError):
    {}['x']
print(os.path.join('a', 'b'), logging.getLevelName(20), pprint.pformat({'b': 1, 'a': 2}), time.strftime('%Y', time.gmtime(0)), calendar.isleap(2000))
# ---- types abc secrets
import types, abc, secrets
print(types.SimpleNamespace(a=1), len(secrets.token_hex(4)))
# ---- zlib binascii
import zlib, binascii
print(zlib.crc32(b'abc'), binascii.hexlify(b'\x01'))
# ---- unicodedata re
import unicodedata, re
print(ascii(unicodedata.normalize('NFC', 'e\u0301')), unicodedata.name('\xe9'), unicodedata.category('\u4e2d'), re.findall(r'(?<=\$)\d+', '$5 $10'), re.match(r'(?P<a>x)', 'x').lastgroup)
