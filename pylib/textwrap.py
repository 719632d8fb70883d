# mpnode's textwrap: wrap, fill, shorten, dedent, indent (the default
# TextWrapper options: words split on whitespace, hyphenated words whole),
# written from CPython 3.11's documentation.
_WS = ' \t\n\x0b\x0c\r'


class TextWrapper:
    def __init__(self, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _chunks(self, text):
        if self.expand_tabs:
            text = text.replace('\t', ' ' * self.tabsize)
        if self.replace_whitespace:
            for c in _WS:
                text = text.replace(c, ' ')
        chunks = []
        cur = ''
        for c in text:
            if (c == ' ') != (cur[:1] == ' ') and cur:
                chunks.append(cur)
                cur = ''
            cur += c
        if cur:
            chunks.append(cur)
        return chunks

    def wrap(self, text):
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        chunks = self._chunks(text)
        chunks.reverse()
        lines = []
        while chunks:
            cur = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                chunks.pop()
            while chunks:
                ln = len(chunks[-1])
                if cur_len + ln <= width:
                    cur.append(chunks.pop())
                    cur_len += ln
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                space_left = max(width - cur_len, 1)
                if self.break_long_words:
                    cur.append(chunks[-1][:space_left])
                    chunks[-1] = chunks[-1][space_left:]
                elif not cur:
                    cur.append(chunks.pop())
            if self.drop_whitespace and cur and cur[-1].strip() == '':
                cur.pop()
            if cur:
                if self.max_lines is not None and len(lines) + 1 == self.max_lines and chunks and \
                        any(c.strip() for c in chunks):
                    while cur:
                        if cur[-1].strip() and len(''.join(cur)) + len(self.placeholder) <= width:
                            lines.append(indent + ''.join(cur) + self.placeholder)
                            return lines
                        cur.pop()
                    if lines:
                        prev = lines[-1].rstrip()
                        if len(prev) + len(self.placeholder) <= self.width:
                            lines[-1] = prev + self.placeholder
                            return lines
                    lines.append(indent + self.placeholder.lstrip())
                    return lines
                lines.append(indent + ''.join(cur))
        return lines

    def fill(self, text):
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kw):
    return TextWrapper(width=width, **kw).wrap(text)


def fill(text, width=70, **kw):
    return TextWrapper(width=width, **kw).fill(text)


def shorten(text, width, **kw):
    w = TextWrapper(width=width, max_lines=1, **kw)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        ind = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ind
        else:
            k = 0
            while k < len(margin) and k < len(ind) and margin[k] == ind[k]:
                k += 1
            margin = margin[:k]
    out = []
    for line in lines:
        if not line.strip(' \t'):
            out.append('')
        else:
            out.append(line[len(margin or ''):])
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.split('\n'):
        out.append(line)
    res = []
    parts = _splitlines_keep(text)
    for line in parts:
        if (predicate(line) if predicate is not None else line.strip()):
            res.append(prefix + line)
        else:
            res.append(line)
    return ''.join(res)


def _splitlines_keep(text):
    out = []
    start = 0
    for i, c in enumerate(text):
        if c == '\n':
            out.append(text[start:i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out
