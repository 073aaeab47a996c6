import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django_ckeditor_5.fields
from django.db import migrations, models
from pps_portal.languages import copy_to_source_language_operation

# The translated fields (django-modeltranslation) of each model.
TRANSLATED = {'News': ['title', 'lead', 'body', 'body_text'], 'Category': ['name', 'description']}


class Migration(migrations.Migration):
    """Ukrainian and English versions of news and categories: a column per language
    beside the Polish one, and search columns for each translation."""

    dependencies = [
        ('news', '0006_image_with_alt_text'),
    ]

    operations = [
        migrations.AddField(
            model_name='category',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='category',
            name='description_pl',
            field=models.TextField(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='category',
            name='description_uk',
            field=models.TextField(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='category',
            name='name_en',
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name='nazwa'),
        ),
        migrations.AddField(
            model_name='category',
            name='name_pl',
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name='nazwa'),
        ),
        migrations.AddField(
            model_name='category',
            name='name_uk',
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name='nazwa'),
        ),
        migrations.AddField(
            model_name='news',
            name='body_en',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='news',
            name='body_pl',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='news',
            name='body_text_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='news',
            name='body_text_pl',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='news',
            name='body_text_uk',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='news',
            name='body_uk',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='news',
            name='lead_en',
            field=models.TextField(help_text='Krótkie streszczenie: lista, kanały RSS, wyniki wyszukiwania.', max_length=600, null=True, verbose_name='zajawka'),
        ),
        migrations.AddField(
            model_name='news',
            name='lead_pl',
            field=models.TextField(help_text='Krótkie streszczenie: lista, kanały RSS, wyniki wyszukiwania.', max_length=600, null=True, verbose_name='zajawka'),
        ),
        migrations.AddField(
            model_name='news',
            name='lead_uk',
            field=models.TextField(help_text='Krótkie streszczenie: lista, kanały RSS, wyniki wyszukiwania.', max_length=600, null=True, verbose_name='zajawka'),
        ),
        migrations.AddField(
            model_name='news',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='news',
            name='title_pl',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='news',
            name='title_uk',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        copy_to_source_language_operation("news", TRANSLATED),
        migrations.AddField(
            model_name='news',
            name='search_vector_en',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title_en', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('lead_en', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector('body_text_en', config='english', weight='C'), django.contrib.postgres.search.SearchConfig('english')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddField(
            model_name='news',
            name='search_vector_uk',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title_uk', config='pps_search', weight='A'), '||', django.contrib.postgres.search.SearchVector('lead_uk', config='pps_search', weight='B'), django.contrib.postgres.search.SearchConfig('pps_search')), '||', django.contrib.postgres.search.SearchVector('body_text_uk', config='pps_search', weight='C'), django.contrib.postgres.search.SearchConfig('pps_search')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='news',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector_uk'], name='news_search_uk_idx'),
        ),
        migrations.AddIndex(
            model_name='news',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector_en'], name='news_search_en_idx'),
        ),
    ]
