"""Unmanaged models of the shop's Magento 2.4 + Amazon Pay tables (app label `magento`).

Column names, types, lengths and nullability follow schema/mysql.sql exactly (a test compares them).
Foreign keys exist only where Magento declares one; the database enforces them (no Django constraints).
"""

from privacy.sources.magento.models.store import StoreWebsite, StoreGroup, Store, EavEntityType, EavAttribute  # noqa: F401
from privacy.sources.magento.models.customer import CustomerEntity, CustomerAddressEntity, CustomerGridFlat, CustomerLog, CustomerVisitor  # noqa: F401
from privacy.sources.magento.models.customer_eav import CustomerEntityDatetime, CustomerEntityDecimal, CustomerEntityInt, CustomerEntityText, CustomerEntityVarchar, CustomerAddressEntityDatetime, CustomerAddressEntityDecimal, CustomerAddressEntityInt, CustomerAddressEntityText, CustomerAddressEntityVarchar  # noqa: F401
from privacy.sources.magento.models.sales_order import SalesOrder, SalesOrderAddress, SalesOrderGrid, SalesOrderStatusHistory  # noqa: F401
from privacy.sources.magento.models.sales_lines import SalesOrderItem, SalesOrderPayment, SalesPaymentTransaction  # noqa: F401
from privacy.sources.magento.models.sales_invoice import SalesInvoice, SalesInvoiceGrid, SalesInvoiceComment  # noqa: F401
from privacy.sources.magento.models.sales_shipment import SalesShipment, SalesShipmentGrid, SalesShipmentComment, SalesShipmentTrack  # noqa: F401
from privacy.sources.magento.models.sales_creditmemo import SalesCreditmemo, SalesCreditmemoGrid, SalesCreditmemoComment  # noqa: F401
from privacy.sources.magento.models.quote import Quote, QuoteAddress, QuotePayment  # noqa: F401
from privacy.sources.magento.models.engagement import NewsletterSubscriber, Review, ReviewDetail, RatingOptionVote, Wishlist, WishlistItem, GiftMessage, ProductAlertPrice, ProductAlertStock  # noqa: F401
from privacy.sources.magento.models.activity import ReportEvent, ReportViewedProductIndex, ReportComparedProductIndex, PersistentSession, OauthToken, VaultPaymentToken, PasswordResetRequestEvent, SendfriendLog, MagentoLoginAsCustomerLog  # noqa: F401
from privacy.sources.magento.models.amazon_pay import AmazonCustomer, AmazonPayV2Async  # noqa: F401
