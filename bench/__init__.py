"""billtui's benchmarks, run by ``make bench`` (``python -m bench``).

Every figure is a median of several runs, and every time is also given as a
ratio to a reference measured in the same run, because these machines are
noisy. Nothing here is a test: there are no timed assertions anywhere.
"""
