# SPDX-License-Identifier: Apache-2.0
"""Twister `filter:` expressions, evaluated against a build's .config.

The grammar is Zephyr's (scripts/pylib/twister/expr_parser.py documents it): `and`, `or`,
`not`, parentheses, comparisons `==`, `!=`, `<`, `<=`, `>`, `>=`, `in [list]`, `:` (regular
expression match), symbols, numbers and strings. A symbol is true when it is set and neither
empty nor "n"/"0". Function calls (`dt_compat_enabled(...)` and the other devicetree
queries) cannot be evaluated here: they raise Unsupported, and the scenario is skipped with
that reason.
"""
import re

_TOKEN = re.compile(r'''\s*(?:
    (?P<num>0[xX][0-9a-fA-F]+|\d+)
  | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,|:)
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
)''', re.X)


class Unsupported(Exception):
    """The expression uses something that cannot be evaluated against a .config."""


class ExprError(Exception):
    """The expression does not parse."""


def _tokenize(text):
    pos, out = 0, []
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExprError(f"cannot parse filter at: {text[pos:]!r}")
        pos = m.end()
        kind = m.lastgroup
        val = m.group(kind)
        if kind == 'id' and val in ('and', 'or', 'not', 'in'):
            kind = 'op'
        out.append((kind, val))
    return out


class _Parser:
    def __init__(self, tokens, env):
        self.toks = tokens
        self.i = 0
        self.env = env

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, val=None):
        tok = self.peek()
        if tok[0] is None or (val is not None and tok[1] != val):
            raise ExprError(f"expected {val or 'a term'}, found {tok[1]!r}")
        self.i += 1
        return tok

    def parse(self):
        v = self.or_expr()
        if self.i != len(self.toks):
            raise ExprError(f"unexpected {self.peek()[1]!r}")
        return v

    def or_expr(self):
        v = self.and_expr()
        while self.peek() == ('op', 'or'):
            self.take()
            rhs = self.and_expr()
            v = v or rhs
        return v

    def and_expr(self):
        v = self.not_expr()
        while self.peek() == ('op', 'and'):
            self.take()
            rhs = self.not_expr()
            v = v and rhs
        return v

    def not_expr(self):
        if self.peek() == ('op', 'not'):
            self.take()
            return not self.not_expr()
        return self.comparison()

    def comparison(self):
        if self.peek() == ('op', '('):
            self.take()
            v = self.or_expr()
            self.take(')')
            return v
        lhs = self.term()
        kind, op = self.peek()
        if kind == 'op' and op in ('==', '!=', '<', '<=', '>', '>='):
            self.take()
            rhs = self.term()
            return self.compare(lhs, op, rhs)
        if (kind, op) == ('op', 'in'):
            self.take()
            self.take('[')
            items = []
            while self.peek() != ('op', ']'):
                items.append(self.term())
                if self.peek() == ('op', ','):
                    self.take()
            self.take(']')
            return any(self.compare(lhs, '==', it) for it in items)
        if (kind, op) == ('op', ':'):
            self.take()
            rhs = self.term()
            return re.match(str(self.value(rhs)), str(self.value(lhs) or '')) is not None
        return self.truth(lhs)

    def term(self):
        kind, val = self.take()
        if kind == 'id' and self.peek() == ('op', '('):
            raise Unsupported(f"filter calls {val}(), which needs the devicetree")
        if kind == 'op':
            raise ExprError(f"unexpected {val!r}")
        return (kind, val)

    def value(self, t):
        kind, val = t
        if kind == 'num':
            return int(val, 0)
        if kind == 'str':
            return val[1:-1]
        return self.env.get(val)

    def truth(self, t):
        v = self.value(t)
        if t[0] == 'id':
            return v is not None and v not in ('', 'n', '0')
        return bool(v)

    def compare(self, a, op, b):
        va, vb = self.value(a), self.value(b)
        if isinstance(va, int) or isinstance(vb, int):
            va, vb = _as_int(va), _as_int(vb)
        else:
            va, vb = '' if va is None else str(va), '' if vb is None else str(vb)
        return {'==': va == vb, '!=': va != vb, '<': va < vb, '<=': va <= vb,
                '>': va > vb, '>=': va >= vb}[op]


def _as_int(v):
    if isinstance(v, int):
        return v
    if v is None or v == '':
        return 0
    try:
        return int(str(v), 0)
    except ValueError:
        return 0


def evaluate(text, env):
    """True/False for filter @text with symbol values @env (name -> string)."""
    return bool(_Parser(_tokenize(text), env).parse())


def read_dotconfig(path):
    """Symbol values of a Kconfig .config: {'CONFIG_X': 'y', ...}; unset symbols absent."""
    env = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^(CONFIG_[A-Za-z0-9_]+)=(.*)$', line.strip())
            if m:
                val = m.group(2)
                if len(val) >= 2 and val[0] == '"' and val[-1] == '"':
                    val = val[1:-1]
                env[m.group(1)] = val
    return env
