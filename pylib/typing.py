# mpnode's typing: every name of CPython 3.11's typing importable (kept
# small: nodes built from source compile it at start-up). Annotations are
# not evaluated after lowering; the forms subscript, call and print.
import _mpn_tuple
TYPE_CHECKING = False


class _Form:
    __origin__ = None
    __args__ = ()

    def __init__(self, name, origin=None):
        self._name = name
        if origin is not None:
            self.__origin__ = origin

    def __getitem__(self, p):
        f = _Form(self._name, self.__origin__ or self)
        f.__args__ = p if isinstance(p, tuple) else (p,)
        return f

    def __call__(self, *a, **k):
        if isinstance(self.__origin__, type):
            return self.__origin__(*a, **k)
        raise TypeError('mpnode: typing.%s cannot be instantiated' % self._name)

    def __or__(self, o):
        return Union[self, o]

    __ror__ = __or__

    def __repr__(self):
        return 'typing.' + self._name


for _n in 'Any Union Optional Literal Final ClassVar Callable Iterable Iterator Sequence Mapping Annotated'.split():
    globals()[_n] = _Form(_n)
# The rarer names share one form (a tiny heap matters more than their repr).
_rare = _Form('Generic alias')
for _n in ('Concatenate TypeGuard Required NotRequired Unpack Never NoReturn Self LiteralString TypeAlias AnyStr '
           'DefaultDict OrderedDict Counter Deque ChainMap AbstractSet ByteString Container ContextManager Hashable '
           'ItemsView KeysView MappingView MutableMapping MutableSequence MutableSet Sized ValuesView Awaitable '
           'AsyncIterator AsyncIterable Coroutine Collection AsyncGenerator AsyncContextManager Reversible '
           'SupportsAbs SupportsBytes SupportsComplex SupportsFloat SupportsIndex SupportsInt SupportsRound '
           'Generator BinaryIO IO TextIO Match Pattern ParamSpecArgs ParamSpecKwargs ForwardRef').split():
    globals()[_n] = _rare
Type, Tuple, List, Dict, Set, FrozenSet = [_Form(n, t) for n, t in (
    ('Type', type), ('Tuple', tuple), ('List', list), ('Dict', dict), ('Set', set), ('FrozenSet', frozenset))]
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


ParamSpec = TypeVarTuple = TypeVar


class _GenericBase:
    pass


class _GenericForm(_Form):
    def __getitem__(self, p):
        return _GenericBase


Generic = _GenericForm('Generic')


class Protocol:
    pass


class NamedTuple(_mpn_tuple._NTBase):
    # Fields from the class's annotations (_NTBase.__init_subclass__).
    pass


class TypedDict:
    # A TypedDict class makes plain dicts, as in CPython.
    def __new__(cls, *args, **kw):
        if cls is TypedDict:
            fields = args[1] if len(args) > 1 else kw
            return type(args[0], (TypedDict,), {'__annotations__': dict(fields), '__mpn_fields__': list(fields)})
        return dict(*args, **kw)


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable, but got: %r' % (arg,))


def reveal_type(obj):
    print('Runtime type is %r' % type(obj).__name__)
    return obj


def _overloaded(*a, **k):
    raise NotImplementedError('You should not call an overloaded function.')


def overload(func):
    return _overloaded


def _same(f):
    return f


final = no_type_check = no_type_check_decorator = runtime_checkable = _same


def dataclass_transform(**kw):
    return _same


def get_overloads(func):
    return []


def clear_overloads():
    pass


def NewType(name, tp):
    return _same


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', {}))


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, TypedDict) and tp is not TypedDict
