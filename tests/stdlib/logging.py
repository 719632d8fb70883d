# ---- levels
import logging
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.getLevelName(30), logging.getLevelName('INFO'), logging.getLevelName(25))
# ---- getLogger
import logging
a = logging.getLogger('app')
print(a is logging.getLogger('app'), a.name, logging.getLogger('app.db').parent is a, logging.getLogger().name, logging.getLogger() is logging.root, a.getChild('x').name)
# ---- effective level
import logging
lg = logging.getLogger('lvl')
print(lg.getEffectiveLevel(), lg.isEnabledFor(logging.INFO), lg.isEnabledFor(logging.ERROR))
lg.setLevel(logging.DEBUG); print(lg.getEffectiveLevel(), lg.isEnabledFor(logging.DEBUG), logging.getLogger('lvl.sub').getEffectiveLevel())
lg.setLevel('ERROR'); print(lg.level)
# ---- handler and formatter
import logging
class Collect(logging.Handler):
    def emit(self, record):
        print('got:', self.format(record))
lg = logging.getLogger('h1'); lg.setLevel(logging.DEBUG); lg.propagate = False
h = Collect(); h.setFormatter(logging.Formatter('%(levelname)s|%(name)s|%(message)s')); lg.addHandler(h)
lg.debug('d %s', 1); lg.info('i %d+%d', 1, 2); lg.warning('w'); lg.error('e %(k)s', {'k': 'v'}); lg.critical('c'); lg.log(25, 'custom')
# ---- handler level and filter
import logging
class Collect(logging.Handler):
    def emit(self, record):
        print(record.levelname, record.getMessage())
lg = logging.getLogger('h2'); lg.setLevel(logging.DEBUG); lg.propagate = False
h = Collect(logging.WARNING); lg.addHandler(h)
lg.info('hidden'); lg.warning('shown')
lg.addFilter(lambda r: 'secret' not in r.getMessage())
lg.error('a secret'); lg.error('public')
# ---- propagation
import logging
class Collect(logging.Handler):
    def __init__(self, tag):
        logging.Handler.__init__(self)
        self.tag = tag
    def emit(self, record):
        print(self.tag, record.name, record.getMessage())
parent = logging.getLogger('prop'); parent.propagate = False; parent.addHandler(Collect('P'))
child = logging.getLogger('prop.child'); child.addHandler(Collect('C'))
child.warning('hello'); child.propagate = False; child.warning('only child')
print(child.hasHandlers(), logging.getLogger('prop.other').hasHandlers())
# ---- formatter styles
import logging
r = logging.LogRecord('n', logging.INFO, 'p', 1, 'msg %s', ('x',), None)
print(logging.Formatter('{levelname}:{message}', style='{').format(r), logging.Formatter('$name $message', style='$').format(r), logging.Formatter().format(r), r.getMessage(), r.levelno, r.levelname)
# ---- adapter and extra
import logging
class Collect(logging.Handler):
    def emit(self, record):
        print(self.format(record))
lg = logging.getLogger('ad'); lg.setLevel(logging.INFO); lg.propagate = False
h = Collect(); h.setFormatter(logging.Formatter('%(user)s: %(message)s')); lg.addHandler(h)
lg.info('direct', extra={'user': 'bob'})
logging.LoggerAdapter(lg, {'user': 'amy'}).info('via adapter')
# ---- disable
import logging
class Collect(logging.Handler):
    def emit(self, record):
        print('emit', record.getMessage())
lg = logging.getLogger('dis'); lg.setLevel(logging.DEBUG); lg.propagate = False; lg.addHandler(Collect())
logging.disable(logging.INFO); lg.info('no'); lg.warning('yes'); logging.disable(logging.NOTSET); lg.info('again')
# ---- errors
import logging
try:
    logging.getLogger('e').setLevel('LOUD')
except ValueError:
    print('ValueError')
print(logging.NullHandler().handle(None), isinstance(logging.StreamHandler(), logging.Handler), logging.root.level)
