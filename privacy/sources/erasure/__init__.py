"""Erasure of one subject from the shop database (GDPR Art. 17, CCPA §1798.105).

plan.py decides what happens to every row from the data map; the Magento side applies it in one
transaction (privacy/sources/magento/eraser.py); execute.py runs the steps with recorded progress
(plan, Amazon Pay closures, the shop transaction, retention holds, the residual scan, the receipt).
"""
