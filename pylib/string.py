# mpnode's string: constants, capwords, Template and Formatter basics,
# written from CPython 3.11's documentation.
whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    words = s.split(sep)
    out = [w[:1].upper() + w[1:].lower() for w in words]
    return (sep if sep is not None else ' ').join(out)


def _ident_end(s, i):
    j = i
    if j < len(s) and (s[j].isalpha() or s[j] == '_'):
        j += 1
        while j < len(s) and (s[j].isalpha() or s[j].isdigit() or s[j] == '_'):
            j += 1
    return j


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _sub(self, mapping, kws, safe):
        if mapping is None:
            mapping = kws
        elif kws:
            m = dict(mapping)
            m.update(kws)
            mapping = m
        s = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(s)
        while i < n:
            if not s.startswith(d, i):
                out.append(s[i])
                i += 1
                continue
            j = i + len(d)
            if s.startswith(d, j):
                out.append(d)
                i = j + len(d)
                continue
            if j < n and s[j] == '{':
                k = _ident_end(s, j + 1)
                if k > j + 1 and k < n and s[k] == '}':
                    name = s[j + 1:k]
                    end = k + 1
                else:
                    name = None
            else:
                k = _ident_end(s, j)
                name = s[j:k] if k > j else None
                end = k
            if name is None:
                if safe:
                    out.append(d)
                    i = j
                    continue
                line = s[:i].count('\n') + 1
                col = i - (s.rfind('\n', 0, i) + 1) + 1
                raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, col))
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(s[i:end])
            else:
                raise KeyError(name)
            i = end
        return ''.join(out)

    def substitute(self, mapping=None, **kws):
        return self._sub(mapping, kws, False)

    def safe_substitute(self, mapping=None, **kws):
        return self._sub(mapping, kws, True)

    def get_identifiers(self):
        ids = []
        s = self.template
        i = 0
        while True:
            i = s.find(self.delimiter, i)
            if i < 0:
                return ids
            j = i + len(self.delimiter)
            if s.startswith(self.delimiter, j):
                i = j + len(self.delimiter)
                continue
            brace = j < len(s) and s[j] == '{'
            k = _ident_end(s, j + brace)
            name = s[j + brace:k]
            if name and name not in ids and (not brace or s[k:k + 1] == '}'):
                ids.append(name)
            i = max(k, j)

    def is_valid(self):
        try:
            self._sub({}, {}, False)
        except KeyError:
            pass
        except ValueError:
            return False
        return True


class Formatter:
    def format(self, format_string, *args, **kwargs):
        return format_string.format(*args, **kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
