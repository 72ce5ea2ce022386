"""The record as reviewed data files (data/istanbul/*.yaml): their schema, the check that refuses
a bad row (`manage.py data_check`), and the loader that writes them (`manage.py load_istanbul`).
"""
