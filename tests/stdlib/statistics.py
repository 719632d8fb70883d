# ---- mean
import statistics as st
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean([1.5, 2.5]), st.mean([-1.0, 2.5, 3.25, 5.75]), st.mean(range(10)), type(st.mean([1, 3])).__name__)
# ---- fmean
import statistics as st
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3]), st.fmean([85, 92, 83, 91], weights=[0.2, 0.2, 0.3, 0.3]))
# ---- median family
import statistics as st
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median([5, 1, 3]), st.median([2.5, 1.5]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=1))
# ---- mode
import statistics as st
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'blue', 'blue', 'red', 'green', 'red', 'red']), st.mode([1, 2, 2, 1]), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
# ---- variance
import statistics as st
print('%.12g %.12g' % (st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]), st.variance([1, 2, 3, 4])), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.pvariance([1, 2, 3, 4]), st.variance([1, 3, 5], 3))
# ---- stdev
import statistics as st
print('%.12g' % st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
# ---- quantiles
import statistics as st
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
print(['%.6f' % q for q in st.quantiles(data, n=10)], st.quantiles([1, 2, 3, 4, 5]), st.quantiles([1, 2, 3, 4, 5], method='inclusive'), st.quantiles([1, 2], n=3))
# ---- geometric harmonic
import statistics as st
print('%.9f' % st.geometric_mean([54, 24, 36]), '%.12g' % st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), '%.12g' % st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([1, 0]), type(st.harmonic_mean([40, 60])).__name__)
# ---- errors
import statistics as st
for f in [lambda: st.mean([]), lambda: st.median([]), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.mode([]), lambda: st.quantiles([1])]:
    try:
        f()
    except st.StatisticsError:
        print('StatisticsError')
# ---- fractions
from fractions import Fraction as F
print(F(1, 3) + F(1, 6), F(3, 4) * 2, F(1, 2) - 1, F(5, 10), F(-6, 4), F(3), repr(F(1, 3)), F('3/7'), F('-1.25'), F('1e-2'), F(0.5), F(1.1).limit_denominator(100))
print(F(1, 3) < F(1, 2), F(1, 2) == 0.5, F(2, 1) == 2, F(1, 3).__float__() == 1 / 3, F(7, 2).__int__(), F(-7, 2).__int__(), F(5, 2).__round__(), F(7, 2).__round__(), F(1, 3).__round__(2), F(2, 3) ** 2, F(2, 3) ** -2, F(7, 2) // 1, F(7, 2) % 1)
print(F(1, 2).numerator, F(1, 2).denominator, F(3, 4).as_integer_ratio(), abs(F(-1, 2)), sum([F(1, 3)] * 3), hash(F(2)) == hash(2), F(1, 2) + 0.25, F(10, 4) / F(5, 2))
for bad in ['1/0', 'x']:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__)
