import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django_ckeditor_5.fields
from django.db import migrations, models
from pps_portal.languages import copy_to_source_language_operation

# The translated fields (django-modeltranslation) of each model.
TRANSLATED = {'Event': ['title', 'summary', 'description'], 'EventCategory': ['name']}


class Migration(migrations.Migration):
    """Ukrainian and English versions of events and their categories: a column per language
    beside the Polish one, and search columns for each translation."""

    dependencies = [
        ('calendar_app', '0005_image_with_alt_text'),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='description_en',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='event',
            name='description_pl',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='event',
            name='description_uk',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='event',
            name='summary_en',
            field=models.CharField(blank=True, help_text='Jedno, dwa zdania do list i wyników wyszukiwania.', max_length=300, null=True, verbose_name='zajawka'),
        ),
        migrations.AddField(
            model_name='event',
            name='summary_pl',
            field=models.CharField(blank=True, help_text='Jedno, dwa zdania do list i wyników wyszukiwania.', max_length=300, null=True, verbose_name='zajawka'),
        ),
        migrations.AddField(
            model_name='event',
            name='summary_uk',
            field=models.CharField(blank=True, help_text='Jedno, dwa zdania do list i wyników wyszukiwania.', max_length=300, null=True, verbose_name='zajawka'),
        ),
        migrations.AddField(
            model_name='event',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='event',
            name='title_pl',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='event',
            name='title_uk',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='eventcategory',
            name='name_en',
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name='nazwa'),
        ),
        migrations.AddField(
            model_name='eventcategory',
            name='name_pl',
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name='nazwa'),
        ),
        migrations.AddField(
            model_name='eventcategory',
            name='name_uk',
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name='nazwa'),
        ),
        copy_to_source_language_operation("calendar_app", TRANSLATED),
        migrations.AddField(
            model_name='event',
            name='search_vector_en',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title_en', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('summary_en', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector('description_en', config='english', weight='C'), django.contrib.postgres.search.SearchConfig('english')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddField(
            model_name='event',
            name='search_vector_uk',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title_uk', config='pps_search', weight='A'), '||', django.contrib.postgres.search.SearchVector('summary_uk', config='pps_search', weight='B'), django.contrib.postgres.search.SearchConfig('pps_search')), '||', django.contrib.postgres.search.SearchVector('description_uk', config='pps_search', weight='C'), django.contrib.postgres.search.SearchConfig('pps_search')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='event',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector_uk'], name='event_search_uk_idx'),
        ),
        migrations.AddIndex(
            model_name='event',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector_en'], name='event_search_en_idx'),
        ),
    ]
