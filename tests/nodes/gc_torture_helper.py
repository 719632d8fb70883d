# Imported by gc_torture_module.py: its module-level code runs during the
# import and allocates far more than the test's heap.
words = []
total = 0
for i in range(500):
    row = [str(i + k) for k in range(10)]
    total += len(" ".join(row)) + (i + 11) ** 7 % 97
    if i % 25 == 0:
        words.append(row[i % 10] * 2)
del row


def summary():
    return {"total": total, "words": words}
