"""The REST API (Django REST framework): a public intake and the staff endpoints. Views only call services."""
