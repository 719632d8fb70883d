//! Classes as CPython 3 has them (issue 10 item 8): the class hooks
//! `__init_subclass__` and `__set_name__`, user `__setattr__`/
//! `__delattr__`, descriptors. Differential probes (tests/probes/mod.rs).

#[test]
fn class_hooks() {
    crate::probes::check(&[
        (
            "init_subclass registry",
            "class Plugin:\n    registry = []\n    def __init_subclass__(cls):\n        Plugin.registry.append(cls.__name__)\nclass A(Plugin):\n    pass\nclass B(A):\n    pass\nprint(Plugin.registry)",
        ),
        (
            "init_subclass sees the class",
            "class Base:\n    def __init_subclass__(cls):\n        cls.tag = cls.__name__.lower()\nclass Thing(Base):\n    pass\nprint(Thing.tag, hasattr(Base, 'tag'))",
        ),
        (
            "init_subclass super chain",
            "class A:\n    def __init_subclass__(cls):\n        print('A hook', cls.__name__)\nclass B(A):\n    def __init_subclass__(cls):\n        print('B hook', cls.__name__)\n        super().__init_subclass__()\nclass C(B):\n    pass",
        ),
        (
            "set_name",
            "class Field:\n    def __set_name__(self, owner, name):\n        self.name = name\n        self.owner = owner.__name__\nclass Rec:\n    x = Field()\n    y = Field()\nprint(Rec.x.name, Rec.y.name, Rec.x.owner)",
        ),
        (
            "descriptor with set_name",
            "class Positive:\n    def __set_name__(self, owner, name):\n        self.key = '_' + name\n    def __get__(self, obj, objtype=None):\n        return getattr(obj, self.key)\n    def __set__(self, obj, value):\n        if value <= 0:\n            raise ValueError(self.key[1:] + ' must be positive')\n        setattr(obj, self.key, value)\nclass Order:\n    qty = Positive()\n    def __init__(self, q):\n        self.qty = q\no = Order(3)\nprint(o.qty)\ntry:\n    o.qty = -1\nexcept ValueError as e:\n    print(e)",
        ),
        (
            "user setattr",
            "class Frozen:\n    def __init__(self):\n        object.__setattr__(self, 'a', 1)\n    def __setattr__(self, k, v):\n        raise AttributeError('frozen: ' + k)\nf = Frozen()\nprint(f.a)\ntry:\n    f.b = 2\nexcept AttributeError as e:\n    print(e)",
        ),
        (
            "user setattr logs",
            "class Log:\n    def __setattr__(self, k, v):\n        print('set', k, v)\n        super().__setattr__(k, v)\nl = Log()\nl.x = 5\nprint(l.x)",
        ),
        (
            "dict missing",
            "class Counter(dict):\n    def __missing__(self, key):\n        return 0\nc = Counter(a=2)\nprint(c['a'], c['zz'], 'zz' in c, c.get('q'))",
        ),
        (
            "dict missing fills",
            "class Default(dict):\n    def __missing__(self, key):\n        self[key] = v = [key]\n        return v\nd = Default()\nd['x'].append(1)\nprint(d, len(d))",
        ),
        ("dict no missing", "class Plain(dict):\n    pass\nPlain()['nope']"),
        (
            "dict missing raises",
            "class Strict(dict):\n    def __missing__(self, key):\n        raise KeyError('no ' + key)\nStrict()['k']",
        ),
        (
            "user delattr",
            "class D:\n    def __delattr__(self, k):\n        print('del', k)\nd = D()\nd.z = 1\ndel d.z\nprint(d.z)",
        ),
    ]);
}
