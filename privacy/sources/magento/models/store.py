from django.db import models


class StoreWebsite(models.Model):
    website_id = models.SmallAutoField(primary_key=True)
    code = models.CharField(max_length=32, null=True)
    name = models.CharField(max_length=64, null=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    default_group_id = models.PositiveSmallIntegerField(default=0)
    is_default = models.PositiveSmallIntegerField(null=True, default=0)

    class Meta:
        managed = False
        db_table = "store_website"


class StoreGroup(models.Model):
    group_id = models.SmallAutoField(primary_key=True)
    website = models.ForeignKey(StoreWebsite, models.DO_NOTHING, db_column="website_id", db_constraint=False)
    name = models.CharField(max_length=255)
    root_category_id = models.PositiveIntegerField(default=0)
    default_store_id = models.PositiveSmallIntegerField(default=0)
    code = models.CharField(max_length=32, null=True)

    class Meta:
        managed = False
        db_table = "store_group"


class Store(models.Model):
    store_id = models.SmallAutoField(primary_key=True)
    code = models.CharField(max_length=32, null=True)
    website = models.ForeignKey(StoreWebsite, models.DO_NOTHING, db_column="website_id", db_constraint=False)
    group = models.ForeignKey(StoreGroup, models.DO_NOTHING, db_column="group_id", db_constraint=False)
    name = models.CharField(max_length=255)
    sort_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.PositiveSmallIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "store"


class EavEntityType(models.Model):
    entity_type_id = models.SmallAutoField(primary_key=True)
    entity_type_code = models.CharField(max_length=50)
    entity_model = models.CharField(max_length=255)
    attribute_model = models.CharField(max_length=255, null=True)
    entity_table = models.CharField(max_length=255, null=True)
    value_table_prefix = models.CharField(max_length=255, null=True)
    entity_id_field = models.CharField(max_length=255, null=True)
    is_data_sharing = models.PositiveSmallIntegerField(default=1)
    data_sharing_key = models.CharField(max_length=100, null=True, default="default")
    default_attribute_set_id = models.PositiveSmallIntegerField(default=0)
    increment_model = models.CharField(max_length=255, null=True)
    increment_per_store = models.PositiveSmallIntegerField(default=0)
    increment_pad_length = models.PositiveSmallIntegerField(default=8)
    increment_pad_char = models.CharField(max_length=1, default="0")
    additional_attribute_table = models.CharField(max_length=255, null=True)
    entity_attribute_collection = models.CharField(max_length=255, null=True)

    class Meta:
        managed = False
        db_table = "eav_entity_type"


class EavAttribute(models.Model):
    attribute_id = models.SmallAutoField(primary_key=True)
    entity_type = models.ForeignKey(EavEntityType, models.DO_NOTHING, db_column="entity_type_id", db_constraint=False)
    attribute_code = models.CharField(max_length=255)
    attribute_model = models.CharField(max_length=255, null=True)
    backend_model = models.CharField(max_length=255, null=True)
    backend_type = models.CharField(max_length=8, default="static")
    backend_table = models.CharField(max_length=255, null=True)
    frontend_model = models.CharField(max_length=255, null=True)
    frontend_input = models.CharField(max_length=50, null=True)
    frontend_label = models.CharField(max_length=255, null=True)
    frontend_class = models.CharField(max_length=255, null=True)
    source_model = models.CharField(max_length=255, null=True)
    is_required = models.PositiveSmallIntegerField(default=0)
    is_user_defined = models.PositiveSmallIntegerField(default=0)
    default_value = models.TextField(null=True)
    is_unique = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=255, null=True)

    class Meta:
        managed = False
        db_table = "eav_attribute"
