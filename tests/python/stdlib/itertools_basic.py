# itertools
import itertools as it
print(list(it.islice(it.count(5, 3), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat(7, 3)))
print(list(it.chain([1, 2], "ab")), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "x")))
print(list(it.permutations([1, 2, 3], 2)), list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print([(k, list(g)) for k, g in it.groupby("aaabccaa")], [(k, len(list(g))) for k, g in it.groupby(sorted([3, 1, 3, 2, 1]))])
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.filterfalse(lambda x: x % 2, range(6))))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.pairwise("abcd")))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.islice("abcdefg", 1, 6, 2)))
