import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django_ckeditor_5.fields
from django.db import migrations, models
from pps_portal.languages import copy_to_source_language_operation

# The translated fields (django-modeltranslation) of each model.
TRANSLATED = {'Page': ['title', 'lead', 'body', 'body_text'], 'EasyReadText': ['title', 'body']}


class Migration(migrations.Migration):
    """Ukrainian and English versions of information pages and the easy-to-read text: a column per language
    beside the Polish one, and search columns for each translation."""

    dependencies = [
        ('pages', '0002_permissions'),
    ]

    operations = [
        migrations.AddField(
            model_name='easyreadtext',
            name='body_en',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, help_text='Krótkie zdania, jedna myśl w zdaniu, proste słowa. Możesz dodać obrazki z opisem.', null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='easyreadtext',
            name='body_pl',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, help_text='Krótkie zdania, jedna myśl w zdaniu, proste słowa. Możesz dodać obrazki z opisem.', null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='easyreadtext',
            name='body_uk',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, help_text='Krótkie zdania, jedna myśl w zdaniu, proste słowa. Możesz dodać obrazki z opisem.', null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='easyreadtext',
            name='title_en',
            field=models.CharField(default='Tekst łatwy do czytania', max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='easyreadtext',
            name='title_pl',
            field=models.CharField(default='Tekst łatwy do czytania', max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='easyreadtext',
            name='title_uk',
            field=models.CharField(default='Tekst łatwy do czytania', max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='page',
            name='body_en',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='page',
            name='body_pl',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='page',
            name='body_text_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='page',
            name='body_text_pl',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='page',
            name='body_text_uk',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='page',
            name='body_uk',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='treść'),
        ),
        migrations.AddField(
            model_name='page',
            name='lead_en',
            field=models.TextField(help_text='Jedno-dwa zdania: spis stron, wyniki wyszukiwania, udostępnianie.', max_length=600, null=True, verbose_name='wstęp'),
        ),
        migrations.AddField(
            model_name='page',
            name='lead_pl',
            field=models.TextField(help_text='Jedno-dwa zdania: spis stron, wyniki wyszukiwania, udostępnianie.', max_length=600, null=True, verbose_name='wstęp'),
        ),
        migrations.AddField(
            model_name='page',
            name='lead_uk',
            field=models.TextField(help_text='Jedno-dwa zdania: spis stron, wyniki wyszukiwania, udostępnianie.', max_length=600, null=True, verbose_name='wstęp'),
        ),
        migrations.AddField(
            model_name='page',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='page',
            name='title_pl',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='page',
            name='title_uk',
            field=models.CharField(max_length=200, null=True, verbose_name='tytuł'),
        ),
        copy_to_source_language_operation("pages", TRANSLATED),
        migrations.AddField(
            model_name='page',
            name='search_vector_en',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title_en', config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector('lead_en', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector('body_text_en', config='english', weight='C'), django.contrib.postgres.search.SearchConfig('english')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddField(
            model_name='page',
            name='search_vector_uk',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title_uk', config='pps_search', weight='A'), '||', django.contrib.postgres.search.SearchVector('lead_uk', config='pps_search', weight='B'), django.contrib.postgres.search.SearchConfig('pps_search')), '||', django.contrib.postgres.search.SearchVector('body_text_uk', config='pps_search', weight='C'), django.contrib.postgres.search.SearchConfig('pps_search')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='page',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector_uk'], name='page_search_uk_idx'),
        ),
        migrations.AddIndex(
            model_name='page',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector_en'], name='page_search_en_idx'),
        ),
    ]
