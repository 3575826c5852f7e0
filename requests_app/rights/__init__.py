"""The remaining rights: correction (GDPR Art. 16, CPRA), opt-out of sale/sharing and limit of sensitive
personal information (CCPA §7026, §7027, with Global Privacy Control), objection to direct marketing
(GDPR Art. 21(2)) and withdrawal of consent. See docs/rights.md.
"""
