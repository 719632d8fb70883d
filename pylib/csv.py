# mpnode's csv: reader, writer, DictReader, DictWriter, the excel,
# excel-tab and unix dialects and the quoting options, written from CPython
# 3.11's documentation. (Sniffer is not provided.)
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = 0, 1, 2, 3
__version__ = '1.0'


class Error(Exception):
    pass


class Dialect:
    delimiter = ','
    quotechar = '"'
    escapechar = None
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL
    strict = False


class excel(Dialect):
    pass


class excel_tab(excel):
    delimiter = '\t'


class unix_dialect(Dialect):
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {'excel': excel, 'excel-tab': excel_tab, 'unix': unix_dialect}
_limit = 131072


def register_dialect(name, dialect=None, **fmtparams):
    base = dialect if dialect is not None else Dialect
    if isinstance(base, str):
        base = _dialects[base]
    _dialects[name] = type(name, (base,), dict(fmtparams))


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    return _dialects[name]


def list_dialects():
    return list(_dialects)


def field_size_limit(new_limit=None):
    global _limit
    old = _limit
    if new_limit is not None:
        _limit = new_limit
    return old


class _Params:
    def __init__(self, dialect, kw):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for name in ('delimiter', 'quotechar', 'escapechar', 'doublequote', 'skipinitialspace', 'lineterminator',
                     'quoting', 'strict'):
            setattr(self, name, kw.pop(name, getattr(dialect, name, getattr(Dialect, name))))
        if kw:
            raise TypeError("'%s' is an invalid keyword argument for this function" % list(kw)[0])
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        if self.quoting != QUOTE_NONE and self.quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')


class _Reader:
    def __init__(self, f, dialect='excel', **kw):
        self._it = iter(f)
        self.dialect = _Params(dialect, kw)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = ''
        state = 'start'
        quoted = False
        # The dialect's characters as locals: the loop below runs per character.
        delim, quote, esc = d.delimiter, d.quotechar, d.escapechar
        stops = (delim, '\r', '\n') if esc is None else (delim, '\r', '\n', esc)
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state in ('start',):
                    raise StopIteration
                if state == 'quoted' and d.strict:
                    raise Error('unexpected end of data')
                if state == 'quoted':
                    raise Error('unexpected end of data')
                fields.append(self._value(field, quoted))
                return fields
            self.line_num += 1
            i = 0
            n = len(line)
            while i < n:
                c = line[i]
                if state == 'quoted':
                    if c == esc and i + 1 < n:
                        field += line[i + 1]
                        i += 2
                        continue
                    if c == quote:
                        if d.doublequote and i + 1 < n and line[i + 1] == quote:
                            field += c
                            i += 2
                            continue
                        state = 'after_quote'
                        i += 1
                        continue
                    field += c
                    i += 1
                    continue
                if c in '\r\n':
                    if state == 'start' and not fields:
                        return []
                    fields.append(self._value(field, quoted))
                    return fields
                if c == delim:
                    fields.append(self._value(field, quoted))
                    field = ''
                    quoted = False
                    state = 'field_start'
                    i += 1
                    if d.skipinitialspace:
                        while i < n and line[i] == ' ':
                            i += 1
                    continue
                if (state == 'start' or state == 'field_start') and c == quote and d.quoting != QUOTE_NONE and not field:
                    state = 'quoted'
                    quoted = True
                    i += 1
                    continue
                if c == esc and i + 1 < n:
                    field += line[i + 1]
                    state = 'field'
                    i += 2
                    continue
                if state == 'after_quote':
                    if d.strict:
                        raise Error("'%s' expected after '%s'" % (delim, quote))
                field += c
                state = 'field'
                i += 1
                # Inside an unquoted field everything up to the next
                # delimiter, line end or escape character is literal: take
                # it as one slice instead of character by character.
                j = n
                for stop in stops:
                    k = line.find(stop, i, j)
                    if k >= 0:
                        j = k
                if j > i:
                    field += line[i:j]
                    i = j
            if state != 'quoted':
                if state == 'start' and not fields:
                    return []
                fields.append(self._value(field, quoted))
                return fields
            if not line or line[-1] not in '\r\n':
                field += '\n'

    def _value(self, field, quoted):
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and field != '':
            return float(field)
        return field


def reader(csvfile, dialect='excel', **fmtparams):
    return _Reader(csvfile, dialect, **fmtparams)


class _Writer:
    def __init__(self, f, dialect='excel', **kw):
        self._f = f
        self.dialect = _Params(dialect, kw)

    def _field(self, v):
        d = self.dialect
        if v is None:
            s = ''
        elif isinstance(v, float):
            s = repr(v)
        else:
            s = str(v)
        numeric = isinstance(v, (int, float)) and not isinstance(v, bool)
        if d.quoting == QUOTE_ALL or (d.quoting == QUOTE_NONNUMERIC and not numeric):
            need = True
        elif d.quoting == QUOTE_NONE:
            need = False
        else:
            need = s == '' and False
            for c in (d.delimiter, d.quotechar, '\r', '\n'):
                if c and c in s:
                    need = True
            if s and (s[0] == ' ' and d.skipinitialspace):
                need = True
        if d.quoting == QUOTE_NONE:
            out = ''
            for c in s:
                if c in (d.delimiter, d.quotechar, '\r', '\n') or c == d.escapechar:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out += d.escapechar
                out += c
            return out
        if d.quotechar and d.quotechar in s:
            if d.doublequote:
                s = s.replace(d.quotechar, d.quotechar * 2)
            elif d.escapechar:
                s = s.replace(d.quotechar, d.escapechar + d.quotechar)
            else:
                raise Error('need to escape, but no escapechar set')
        return d.quotechar + s + d.quotechar if need else s

    def writerow(self, row):
        row = list(row)
        if len(row) == 1 and (row[0] is None or row[0] == '') and self.dialect.quoting != QUOTE_NONE:
            line = self.dialect.quotechar * 2
        else:
            line = self.dialect.delimiter.join([self._field(v) for v in row])
        line += self.dialect.lineterminator
        return self._f.write(line)

    def writerows(self, rows):
        for r in rows:
            self.writerow(r)


def writer(csvfile, dialect='excel', **fmtparams):
    return _Writer(csvfile, dialect, **fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect='excel', *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    def __iter__(self):
        return self

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval='', extrasaction='raise', dialect='excel', *args, **kwds):
        self.fieldnames = list(fieldnames)
        self.restval = restval
        if extrasaction.lower() not in ('raise', 'ignore'):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writer.writerow(self.fieldnames)

    def _row(self, rowdict):
        if self.extrasaction == 'raise':
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError('dict contains fields not in fieldnames: ' + ', '.join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._row(rowdict))

    def writerows(self, rowdicts):
        for r in rowdicts:
            self.writerow(r)
