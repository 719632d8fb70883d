# mpnode's types: SimpleNamespace and the type objects of v1.9.4.


class SimpleNamespace:
    def __init__(self, mapping=None, **kwargs):
        if mapping is not None:
            kwargs.update(mapping)
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = sorted(self.__dict__.items())
        return 'namespace(%s)' % ', '.join(['%s=%r' % kv for kv in items])

    def __eq__(self, other):
        return isinstance(other, SimpleNamespace) and self.__dict__ == other.__dict__


def _f():
    pass


def _g():
    yield


class _C:
    def m(self):
        pass


FunctionType = LambdaType = type(_f)
GeneratorType = type(_g())
MethodType = type(_C().m)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(__import__('sys'))
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(None)


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return type(name, tuple(bases) or (object,), ns)
