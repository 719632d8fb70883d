# ---- wrap
import textwrap
s = 'The quick brown fox jumps over the lazy dog and keeps running far away.'
print(textwrap.wrap(s, 20))
print(textwrap.wrap(s, 10))
# ---- fill
import textwrap
print(textwrap.fill('Hello there, this is a longer sentence to wrap nicely.', width=15))
# ---- long words
import textwrap
print(textwrap.wrap('short supercalifragilisticexpialidocious end', 10), textwrap.wrap('abcdefghij' * 3, 7, break_long_words=False))
# ---- indents
import textwrap
print(textwrap.fill('one two three four five six seven', 12, initial_indent='* ', subsequent_indent='  '))
# ---- shorten
import textwrap
print(textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello world!', width=11), textwrap.shorten('The quick brown fox jumps', 15, placeholder='...'))
# ---- dedent
import textwrap
print(repr(textwrap.dedent('''
    def f():
        return 1
    ''')), repr(textwrap.dedent('  a\n\tb')), repr(textwrap.dedent('   x\n\n   y')))
# ---- indent
import textwrap
print(repr(textwrap.indent('a\nb\n\nc', '> ')), repr(textwrap.indent('a\n  \nb', '+', lambda l: True)))
# ---- whitespace
import textwrap
print(textwrap.wrap('a\tb\nc  d', 4), textwrap.wrap('', 5), textwrap.wrap('   ', 5))
# ---- max_lines
import textwrap
print(textwrap.wrap('one two three four five six', 9, max_lines=2))
# ---- html
import html
print(html.escape('<a href="x">Tom & \'Jerry\'</a>'), html.escape('<&>', quote=False))
print(html.unescape('&lt;p&gt; &amp;amp; &quot;q&quot; &#39;s&#39; &#x41;&#66; &copy; &eacute;t&eacute; &nbsp;|&bogus; &amp x'))
print(html.unescape(html.escape('"x" < y & z')), html.unescape('&#128512;') == '\U0001f600', html.unescape('&#0;') == '\ufffd')
