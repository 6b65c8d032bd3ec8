"""Korean demo content for `manage.py load_demo_content`: data modules plus the loader."""
