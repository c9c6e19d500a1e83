# ruff: noqa: E501  (a table: one country per line; Arabic letters are meant)
"""Countries as a text may name them: in English, French, Spanish, Portuguese and Arabic, the
country, its people's adjective (the demonym) and its capital, for the countries of the demo
workshops and other common ones.

"The Moroccan delegate", "as Natalia from Chisinau stressed": where one participant came
from Morocco or Moldova, these words name them as surely as the country does. ``forms``
gives the words for a participant's country (as written on the roster, in any of the table's
languages); a country the table does not know is searched for as written.

Each form is a word or phrase; ``stem|a|b`` stands for the stem and the stem with each
ending ("marocain|e|s|es": marocain, marocaine, marocains, marocaines). An Arabic form may
also take the article and the prepositions written joined to it ("المغرب", "بالمغرب").
"""

from __future__ import annotations

import functools
import re

from workshop_app.minutes.normalise import fold

# English name | other forms; separated by ";".
_TABLE = """
Algeria | Algerian|s; Algérie; algérien|ne|s|nes; Argelia; argelin|o|a|os|as; Argélia; argelin|o|a|os|as; Algiers; Alger; Argel; الجزائر; جزائري|ة|ون|ين
Argentina | Argentine|s; Argentinian|s; Argentinean|s; Argentine; argentin|e|s|es; argentin|o|a|os|as; Buenos Aires; الأرجنتين; أرجنتيني|ة|ون|ين
Austria | Austrian|s; Autriche; autrichien|ne|s|nes; austriac|o|a|os|as; Áustria; Vienna; Vienne; Viena; Wien; النمسا; نمساوي|ة|ون|ين
Belgium | Belgian|s; Belgique; belge|s; Bélgica; belga|s; Brussels; Bruxelles; Bruselas; Bruxelas; بلجيكا; بلجيكي|ة|ون|ين
Brazil | Brazilian|s; Brésil; brésilien|ne|s|nes; Brasil; brasileñ|o|a|os|as; brasileir|o|a|os|as; Brasília; البرازيل; برازيلي|ة|ون|ين
Burkina Faso | Burkinabe|s; Burkinabè|s; burkinais|e|es; Ouagadougou; بوركينا فاسو
Burundi | Burundian|s; burundais|e|es; burundés; burundes|a|as; burundin|ês|esa|eses; Gitega; Bujumbura; بوروندي
Cabo Verde | Cape Verde; Cape Verdean|s; Cap-Vert; Cap Vert; cap-verdien|ne|s|nes; Cabo Verde; caboverdian|o|a|os|as; cabo-verdian|o|a|os|as; Praia; الرأس الأخضر
Cameroon | Cameroonian|s; Cameroun; camerounais|e|es; Camerún; camerunés; camerunes|a|as; Camarões; camaronês; camaronesa|s; Yaoundé; الكاميرون; كاميروني|ة|ون|ين
Canada | Canadian|s; canadien|ne|s|nes; Canadá; canadiense|s; canadense|s; Ottawa; كندا; كندي|ة|ون|ين
Chile | Chilean|s; Chili; chilien|ne|s|nes; chilen|o|a|os|as; Santiago; تشيلي
China | Chinese; Chine; chinois|e|es; chin|o|a|os|as; Beijing; Pékin; Pekín; Pequim; الصين; صيني|ة|ون|ين
Colombia | Colombian|s; Colombie; colombien|ne|s|nes; colombian|o|a|os|as; Colômbia; Bogotá; Bogota; كولومبيا; كولومبي|ة|ون|ين
Congo | Congolese; congolais|e|es; congoleñ|o|a|os|as; congolês; congolesa|s; Brazzaville; Kinshasa; الكونغو; كونغولي|ة|ون|ين
Côte d'Ivoire | Ivory Coast; Ivorian|s; ivoirien|ne|s|nes; Costa de Marfil; marfileñ|o|a|os|as; Costa do Marfim; marfinense|s; Abidjan; Yamoussoukro; ساحل العاج; كوت ديفوار; إيفواري|ة|ون|ين
Egypt | Egyptian|s; Égypte; égyptien|ne|s|nes; Egipto; egipci|o|a|os|as; Egito; Cairo; Le Caire; El Cairo; مصر; مصري|ة|ون|ين
Ethiopia | Ethiopian|s; Éthiopie; éthiopien|ne|s|nes; Etiopía; etíope|s; Etiópia; Addis Ababa; Addis-Abeba; إثيوبيا; إثيوبي|ة|ون|ين
Finland | Finnish; Finn|s; Finlande; finlandais|e|es; Finlandia; finlandés; finlandes|a|as; Finlândia; finlandês; Helsinki; فنلندا; فنلندي|ة|ون|ين
France | French; Frenchman; Frenchwoman; français|e|es; Francia; francés; frances|a|as; França; francês; Paris; París; فرنسا; فرنسي|ة|ون|ين
Georgia | Georgian|s; Géorgie; géorgien|ne|s|nes; Tbilisi; جورجيا; جورجي|ة|ون|ين
Germany | German|s; Allemagne; allemand|e|s|es; Alemania; alemán; aleman|a|es|as; Alemanha; alemã|es; Berlin; Berlín; Berlim; ألمانيا; ألماني|ة|ون|ين
Ghana | Ghanaian|s; ghanéen|ne|s|nes; ghanés; ghanes|a|as; ganês; ganesa|s; Gana; Accra; غانا; غاني|ة|ون|ين
Guinea | Guinean|s; Guinée; guinéen|ne|s|nes; guinean|o|a|os|as; Guiné; guineense|s; Conakry; غينيا; غيني|ة|ون|ين
Guinea-Bissau | Bissau-Guinean|s; Guinée-Bissau; bissau-guinéen|ne|s|nes; Guiné-Bissau; Bissau; غينيا بيساو
India | Indian|s; Inde; indien|ne|s|nes; indi|o|a|os|as; Índia; New Delhi; الهند; هندي|ة|ون|ين
Ireland | Irish; Irishman; Irishwoman; Irlande; irlandais|e|es; Irlanda; irlandés; irlandes|a|as; irlandês; Dublin; أيرلندا; أيرلندي|ة|ون|ين
Italy | Italian|s; Italie; italien|ne|s|nes; Italia; italian|o|a|os|as; Itália; Rome; Roma; إيطاليا; إيطالي|ة|ون|ين
Jordan | Jordanian|s; Jordanie; jordanien|ne|s|nes; Jordania; jordan|o|a|os|as; Jordânia; jordanian|o|a|os|as; Amman; الأردن; أردني|ة|ون|ين
Kenya | Kenyan|s; kényan|e|s|es; keniano|s; keniana|s; Kenia; queniano|s; queniana|s; Quénia; Quênia; Nairobi; كينيا; كيني|ة|ون|ين
Lebanon | Lebanese; Liban; libanais|e|es; Líbano; libanés; libanes|a|as; libanês; Beirut; Beyrouth; لبنان; لبناني|ة|ون|ين
Mali | Malian|s; malien|ne|s|nes; malí; maliense|s; Bamako; مالي
Mauritania | Mauritanian|s; Mauritanie; mauritanien|ne|s|nes; mauritan|o|a|os|as; Mauritânia; Nouakchott; موريتانيا; موريتاني|ة|ون|ين
Mexico | Mexican|s; Mexique; mexicain|e|s|es; México; Méjico; mexican|o|a|os|as; Mexico City; المكسيك; مكسيكي|ة|ون|ين
Moldova | Republic of Moldova; Moldovan|s; Moldavie; moldave|s; Moldavia; moldav|o|a|os|as; Moldávia; moldav|o|a|os|as; Chisinau; Chișinău; Kishinev; مولدوفا; مولدافيا; مولدوفي|ة|ون|ين
Morocco | Moroccan|s; Maroc; marocain|e|s|es; Marruecos; marroquí|es; Marrocos; marroquin|o|a|os|as; Rabat; المغرب; مغربي|ة; مغاربة
Netherlands | The Netherlands; Dutch; Dutchman; Dutchwoman; Holland; Pays-Bas; néerlandais|e|es; hollandais|e|es; Países Bajos; neerlandés; neerlandes|a|as; holandés; holandes|a|as; Países Baixos; Holanda; Amsterdam; The Hague; La Haye; هولندا; هولندي|ة|ون|ين
Niger | Nigerien|s; nigérien|ne|s|nes; nigerin|o|a|os|as; Níger; Niamey; النيجر; نيجري|ة|ون|ين
Nigeria | Nigerian|s; Nigéria; nigérian|e|s|es; nigerian|o|a|os|as; Abuja; Lagos; نيجيريا; نيجيري|ة|ون|ين
Pakistan | Pakistani|s; Pakistan; pakistanais|e|es; Pakistán; paquistaní|es; Paquistão; paquistanês; Islamabad; باكستان; باكستاني|ة|ون|ين
Peru | Peruvian|s; Pérou; péruvien|ne|s|nes; Perú; perua|no|na|nos|nas; Lima; بيرو
Philippines | Filipino|s; Filipina|s; Philippine; philippin|e|s|es; Filipinas; Manila; Manille; الفلبين; فلبيني|ة|ون|ين
Poland | ~Polish; Pologne; polonais|e|es; Polonia; polac|o|a|os|as; Polónia; Polônia; Warsaw; Varsovie; Varsovia; Varsóvia; بولندا; بولندي|ة|ون|ين
Portugal | Portuguese; portugais|e|es; portugués; portugues|a|as; português; Lisbon; Lisbonne; Lisboa; البرتغال; برتغالي|ة|ون|ين
Senegal | Senegalese; Sénégal; sénégalais|e|es; senegalés; senegales|a|as; senegalês; Dakar; السنغال; سنغالي|ة|ون|ين
South Africa | South African|s; Afrique du Sud; sud-africain|e|s|es; Sudáfrica; sudafrican|o|a|os|as; África do Sul; sul-african|o|a|os|as; Pretoria; Johannesburg; Cape Town; جنوب أفريقيا
Spain | Spanish; Spaniard|s; Espagne; espagnol|e|s|es; España; español|a|es|as; Espanha; espanhol|a|as; Madrid; إسبانيا; إسباني|ة|ون|ين
Sweden | Swedish; Swede|s; Suède; suédois|e|es; Suecia; suec|o|a|os|as; Suécia; Stockholm; Estocolmo; السويد; سويدي|ة|ون|ين
Tunisia | Tunisian|s; Tunisie; tunisien|ne|s|nes; Túnez; tunecin|o|a|os|as; Tunísia; tunisian|o|a|os|as; Tunis; تونس; تونسي|ة|ون|ين
Türkiye | ~Turkey; Turkish; Turk|s; Turquie; turc|s; turque|s; Turquía; turc|o|a|os|as; Turquia; Ankara; تركيا; تركي|ة|ون|ين
Ukraine | Ukrainian|s; ukrainien|ne|s|nes; Ucrania; ucranian|o|a|os|as; Ucrânia; Kyiv; Kiev; أوكرانيا; أوكراني|ة|ون|ين
United Kingdom | UK; Britain; Great Britain; British; Briton|s; Royaume-Uni; britannique|s; Reino Unido; británic|o|a|os|as; britânic|o|a|os|as; London; Londres; المملكة المتحدة; بريطاني|ة|ون|ين
United States | United States of America; USA; États-Unis; Estados Unidos; estadounidense|s; norte-american|o|a|os|as; Washington; الولايات المتحدة
"""
# A word of Arabic script: the joined prefixes (conjunction, preposition, article) it may take.
_ARABIC_PREFIX = "(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"
_ARABIC = re.compile("[\u0600-\u06ff]")


def _expanded(form: str) -> list[str]:
    """``"marocain|e|s"`` → ``["marocain", "marocaine", "marocains"]``."""
    stem, *endings = form.split("|")
    return [stem.strip(), *(stem.strip() + ending.strip() for ending in endings)]


def _parse(table: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each country's folded forms → (English name, every form)."""
    by_form: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in table.strip().splitlines():
        name, _bar, rest = line.partition("|")
        forms = [name.strip()]
        for form in rest.split(";"):
            forms.extend(_expanded(form))
        entry = (name.strip(), tuple(dict.fromkeys(f for f in forms if f)))
        for form in entry[1]:
            by_form.setdefault(fold(form.lstrip("~")).text, entry)
    return by_form


_BY_FORM = _parse(_TABLE)


@functools.cache
def country_forms(country: str) -> tuple[str, tuple[str, ...]]:
    """The country written ``country`` on a roster: its English name and every form of it.

    ``"Moldova"``, ``"Republic of Moldova"`` or ``"مولدوفا"`` → ``("Moldova", ("Moldova", …,
    "Chisinau", …))``; a country the table does not know: ``(country, (country,))``.
    """
    country = " ".join(country.split())
    return _BY_FORM.get(fold(country).text, (country, (country,)))


def arabic_prefix(form: str) -> str:
    """The pattern of the prefixes a form may take joined to it (Arabic only), else ``""``."""
    return _ARABIC_PREFIX if _ARABIC.match(form) else ""


def without_article(form: str) -> str:
    """An Arabic form without its article ("المغرب" → "مغرب"): the prefix pattern adds it."""
    return form[2:] if _ARABIC.match(form) and form.startswith("ال") else form
