import django_ckeditor_5.fields
from django.db import migrations, models
from pps_portal.languages import copy_to_source_language_operation

# The translated fields (django-modeltranslation) of each model.
TRANSLATED = {'GrantCall': ['title', 'application_info', 'description']}


class Migration(migrations.Migration):
    """Ukrainian and English versions of grant calls' texts: a column per language beside the Polish one."""

    dependencies = [
        ('grants', '0002_permissions'),
    ]

    operations = [
        migrations.AddField(
            model_name='grantcall',
            name='application_info_en',
            field=models.TextField(blank=True, help_text='Zwykły tekst, np. o potwierdzeniu złożenia oferty w kancelarii urzędu.', null=True, verbose_name='jak złożyć ofertę'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='application_info_pl',
            field=models.TextField(blank=True, help_text='Zwykły tekst, np. o potwierdzeniu złożenia oferty w kancelarii urzędu.', null=True, verbose_name='jak złożyć ofertę'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='application_info_uk',
            field=models.TextField(blank=True, help_text='Zwykły tekst, np. o potwierdzeniu złożenia oferty w kancelarii urzędu.', null=True, verbose_name='jak złożyć ofertę'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='description_en',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='description_pl',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='description_uk',
            field=django_ckeditor_5.fields.CKEditor5Field(blank=True, null=True, verbose_name='opis'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='title_pl',
            field=models.CharField(max_length=300, null=True, verbose_name='tytuł'),
        ),
        migrations.AddField(
            model_name='grantcall',
            name='title_uk',
            field=models.CharField(max_length=300, null=True, verbose_name='tytuł'),
        ),
        copy_to_source_language_operation("grants", TRANSLATED),
    ]
