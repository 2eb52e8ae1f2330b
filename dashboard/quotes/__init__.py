"""The user's own quotes: untrusted input (the form, a CSV upload, records coming back from the
browser's storage) -> canonical quote records, or line-by-line problems.

In: raw form values, upload bytes, stored records. Out: validated quote dicts (treatment id, clinic,
price, currency, what the price covers, quantity, date). Computes no costs.
"""
