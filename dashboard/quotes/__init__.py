"""The person's own numbers: untrusted input (the quote form, a CSV upload, records coming back from the
browser's storage, values typed into the controls) -> canonical quote records and values, or line-by-line
problems (value_parsers.py reads a typed number or text the same way for each).

In: raw form values, upload bytes, stored records. Out: validated quote dicts (treatment id, clinic,
price, currency, what the price covers, quantity, date). Computes no costs.
"""
