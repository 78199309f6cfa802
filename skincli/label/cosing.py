"""Look names up in the EU CosIng inventory and annexes shipped as skincli/label/refdata/cosing.sqlite.

The database is opened read-only and only on first use, so importing this module costs nothing.
One label asks a few dozen indexed questions of SQLite (cheaper than loading 29,000 names); a batch or
a very large label switches, once per process, to in-memory indexes (`CosIng.load_index`), after which
no look-up touches SQLite. Besides spacing and typography it handles US label names ("FRAGRANCE" ->
PARFUM), common English, older and Portuguese/Spanish/French/German names ("Glicerina" -> GLYCERIN),
US colour names ("YELLOW 5" -> CI 19140), colour-index spellings ("C.I. 77491", "CL 77491") and the
chemical names and INNs the annexes use ("Tretinoin" -> RETINOIC ACID, Annex II).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from contextlib import ExitStack
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from skincli.label.inci import loose_key, normalize

if TYPE_CHECKING:
    import sqlite3
    from os import PathLike

__all__ = ["ALIASES", "AnnexEntry", "CosIng", "CosIngEntry", "default_cosing", "rank_functions"]

# Label names whose INCI (EU) name differs. Keys are label spellings, values INCI names. Sources: the
# INCI vs. US "established name" pairs for sunscreen drug actives (21 CFR 352), FD&C/D&C colour names
# vs. Colour Index numbers (21 CFR 74), older INCI spellings still printed, and everyday names in
# English and in the languages of EU labels (pt, es, fr, de, it) for the commonest ingredients.
ALIASES: dict[str, str] = {
    "FRAGRANCE": "PARFUM",
    "FRAGANCE": "PARFUM",
    "PERFUME": "PARFUM",
    "PERFUM": "PARFUM",
    "AROMA": "AROMA",
    "FRAGRANCE (PARFUM)": "PARFUM",
    "PERFUME (FRAGRANCE)": "PARFUM",
    "FRAGRANCIA": "PARFUM",
    "FRAGRÂNCIA": "PARFUM",
    "PERFUMEN": "PARFUM",
    "PARFÜM": "PARFUM",
    "PROFUMO": "PARFUM",
    # older INCI spellings still printed
    "CITRUS MEDICA LIMONUM PEEL OIL": "CITRUS LIMON PEEL OIL",
    "CITRUS MEDICA LIMONUM FRUIT EXTRACT": "CITRUS LIMON FRUIT EXTRACT",
    "RICINUS COMMUNIS OIL": "RICINUS COMMUNIS SEED OIL",
    "CASTOR SEED OIL": "RICINUS COMMUNIS SEED OIL",
    "CASTOR OIL": "RICINUS COMMUNIS SEED OIL",
    "BUTYROSPERMUM PARKII": "BUTYROSPERMUM PARKII BUTTER",
    "SIMMONDSIA CHINENSIS OIL": "SIMMONDSIA CHINENSIS SEED OIL",
    "PRUNUS AMYGDALUS DULCIS": "PRUNUS AMYGDALUS DULCIS OIL",
    "CAPRYLYLGLYCOL": "CAPRYLYL GLYCOL",
    "BRASSICA CAMPESTRIS OLEIFERA OIL": "BRASSICA CAMPESTRIS SEED OIL",
    "RAPESEED SEED OIL": "BRASSICA CAMPESTRIS SEED OIL",
    "RAPESEED OIL": "BRASSICA CAMPESTRIS SEED OIL",
    "AMMONIUM POLYACRYLDIMETHYLTAURAMIDE": "AMMONIUM POLYACRYLOYLDIMETHYL TAURATE",
    "KOJIC ACID DIPALMITATE": "KOJIC DIPALMITATE",
    "SODIUM HYDROXYDE": "SODIUM HYDROXIDE",
    # water
    "EAU": "AQUA",
    "ACQUA": "AQUA",
    "AGUA": "AQUA",
    "ÁGUA": "AQUA",
    "WASSER": "AQUA",
    "PURIFIED WATER": "WATER",
    "DEIONIZED WATER": "WATER",
    "DEIONISED WATER": "WATER",
    "DISTILLED WATER": "WATER",
    "DEMINERALIZED WATER": "WATER",
    "AQUA PURIFICATA": "AQUA",
    "ÁGUA PURIFICADA": "AQUA",
    "AGUA PURIFICADA": "AQUA",
    "EAU PURIFIÉE": "AQUA",
    # glycerin and friends
    "GLYCERINE": "GLYCERIN",
    "GLYCEROL": "GLYCERIN",
    "VEGETABLE GLYCERIN": "GLYCERIN",
    "GLICERINA": "GLYCERIN",
    "GLICERINA VEGETAL": "GLYCERIN",
    "GLYCÉRINE": "GLYCERIN",
    "GLYZERIN": "GLYCERIN",
    "PROPILENOGLICOL": "PROPYLENE GLYCOL",
    "PROPILENGLICOL": "PROPYLENE GLYCOL",
    "BUTILENOGLICOL": "BUTYLENE GLYCOL",
    "FENOXIETANOL": "PHENOXYETHANOL",
    "FENOXIETANOLO": "PHENOXYETHANOL",
    "PHÉNOXYÉTHANOL": "PHENOXYETHANOL",
    "ÁLCOOL CETOESTEARÍLICO": "CETEARYL ALCOHOL",
    "ALCOHOL CETOESTEARÍLICO": "CETEARYL ALCOHOL",
    "ÁLCOOL CETÍLICO": "CETYL ALCOHOL",
    "ALCOHOL CETÍLICO": "CETYL ALCOHOL",
    "ÁLCOOL ESTEARÍLICO": "STEARYL ALCOHOL",
    "ÁLCOOL BENZÍLICO": "BENZYL ALCOHOL",
    "ALCOHOL BENCÍLICO": "BENZYL ALCOHOL",
    "ÁLCOOL": "ALCOHOL",
    "ETANOL": "ALCOHOL",
    "ETHANOL": "ALCOHOL",
    "ALCOOL": "ALCOHOL",
    "ÁCIDO CÍTRICO": "CITRIC ACID",
    "ACIDO CITRICO": "CITRIC ACID",
    "ACIDE CITRIQUE": "CITRIC ACID",
    "ZITRONENSÄURE": "CITRIC ACID",
    "ÁCIDO LÁCTICO": "LACTIC ACID",
    "ÁCIDO SALICÍLICO": "SALICYLIC ACID",
    "ACIDE SALICYLIQUE": "SALICYLIC ACID",
    "ÁCIDO HIALURÔNICO": "HYALURONIC ACID",
    "ÁCIDO HIALURÓNICO": "HYALURONIC ACID",
    "ACIDE HYALURONIQUE": "HYALURONIC ACID",
    "HYALURONSÄURE": "HYALURONIC ACID",
    "HIALURONATO DE SÓDIO": "SODIUM HYALURONATE",
    "HIALURONATO DE SODIO": "SODIUM HYALURONATE",
    "HYALURONATE DE SODIUM": "SODIUM HYALURONATE",
    "ÁCIDO ASCÓRBICO": "ASCORBIC ACID",
    "ÁCIDO ESTEÁRICO": "STEARIC ACID",
    "ACIDE STÉARIQUE": "STEARIC ACID",
    "ACIDE LACTIQUE": "LACTIC ACID",
    "HIDRÓXIDO DE SÓDIO": "SODIUM HYDROXIDE",
    "HIDRÓXIDO DE SODIO": "SODIUM HYDROXIDE",
    "HYDROXYDE DE SODIUM": "SODIUM HYDROXIDE",
    "CLORETO DE SÓDIO": "SODIUM CHLORIDE",
    "CLORURO DE SODIO": "SODIUM CHLORIDE",
    "CHLORURE DE SODIUM": "SODIUM CHLORIDE",
    "BENZOATO DE SÓDIO": "SODIUM BENZOATE",
    "BENZOATO DE SODIO": "SODIUM BENZOATE",
    "BENZOATE DE SODIUM": "SODIUM BENZOATE",
    "SORBATO DE POTÁSSIO": "POTASSIUM SORBATE",
    "SORBATO DE POTASIO": "POTASSIUM SORBATE",
    "ÓXIDO DE ZINCO": "ZINC OXIDE",
    "OXIDO DE ZINC": "ZINC OXIDE",
    "ÓXIDO DE ZINC": "ZINC OXIDE",
    "OXYDE DE ZINC": "ZINC OXIDE",
    "ZINKOXID": "ZINC OXIDE",
    "DIÓXIDO DE TITÂNIO": "TITANIUM DIOXIDE",
    "DIÓXIDO DE TITANIO": "TITANIUM DIOXIDE",
    "DIOXYDE DE TITANE": "TITANIUM DIOXIDE",
    "TITANDIOXID": "TITANIUM DIOXIDE",
    "ÓXIDOS DE FERRO": "CI 77491",
    "ÓXIDOS DE HIERRO": "CI 77491",
    "OXYDES DE FER": "CI 77491",
    "EISENOXIDE": "CI 77491",
    "IRON OXIDES": "CI 77491",
    "IRON OXIDE": "CI 77491",
    "RED IRON OXIDE": "CI 77491",
    "YELLOW IRON OXIDE": "CI 77492",
    "BLACK IRON OXIDE": "CI 77499",
    "ULTRAMARINES": "CI 77007",
    "CHROMIUM OXIDE GREENS": "CI 77288",
    "MANGANESE VIOLET": "CI 77742",
    "DIMETICONA": "DIMETHICONE",
    "DIMETICONE": "DIMETHICONE",
    "DIMÉTHICONE": "DIMETHICONE",
    "NIACINAMIDA": "NIACINAMIDE",
    "NICOTINAMIDE": "NIACINAMIDE",
    "PANTENOL": "PANTHENOL",
    "D-PANTHENOL": "PANTHENOL",
    "DEXPANTHENOL": "PANTHENOL",
    "ALANTOÍNA": "ALLANTOIN",
    "ALANTOINA": "ALLANTOIN",
    "UREIA": "UREA",
    "URÉE": "UREA",
    "HARNSTOFF": "UREA",
    "GOMA XANTANA": "XANTHAN GUM",
    "GOMA XANTANO": "XANTHAN GUM",
    "GOMME XANTHANE": "XANTHAN GUM",
    "CARBÔMERO": "CARBOMER",
    "CARBÓMERO": "CARBOMER",
    "TOCOFEROL": "TOCOPHEROL",
    "ACETATO DE TOCOFEROL": "TOCOPHERYL ACETATE",
    "ACETATO DE TOCOFERILA": "TOCOPHERYL ACETATE",
    "VITAMINA E": "TOCOPHEROL",
    "VITAMINE E": "TOCOPHEROL",
    "VITAMIN E": "TOCOPHEROL",
    "VITAMIN E ACETATE": "TOCOPHERYL ACETATE",
    "TOCOPHEROL ACETATE": "TOCOPHERYL ACETATE",
    "TOCOPHERYL ACETATE (VITAMIN E)": "TOCOPHERYL ACETATE",
    "VITAMIN C": "ASCORBIC ACID",
    "VITAMIN B3": "NIACINAMIDE",
    "VITAMIN B5": "PANTHENOL",
    "PROVITAMIN B5": "PANTHENOL",
    "VITAMIN A": "RETINOL",
    "RETINOL PALMITATE": "RETINYL PALMITATE",
    "RETINOL ACETATE": "RETINYL ACETATE",
    "VITAMIN A PALMITATE": "RETINYL PALMITATE",
    "ESQUALANO": "SQUALANE",
    "MANTEIGA DE KARITÉ": "BUTYROSPERMUM PARKII BUTTER",
    "MANTECA DE KARITÉ": "BUTYROSPERMUM PARKII BUTTER",
    "BEURRE DE KARITÉ": "BUTYROSPERMUM PARKII BUTTER",
    "SHEABUTTER": "BUTYROSPERMUM PARKII BUTTER",
    "SHEA BUTTER": "BUTYROSPERMUM PARKII BUTTER",
    "COCOA BUTTER": "THEOBROMA CACAO SEED BUTTER",
    "MANTEIGA DE CACAU": "THEOBROMA CACAO SEED BUTTER",
    "COCONUT OIL": "COCOS NUCIFERA OIL",
    "ÓLEO DE COCO": "COCOS NUCIFERA OIL",
    "ACEITE DE COCO": "COCOS NUCIFERA OIL",
    "HUILE DE COCO": "COCOS NUCIFERA OIL",
    "AVOCADO OIL": "PERSEA GRATISSIMA OIL",
    "ÓLEO DE ABACATE": "PERSEA GRATISSIMA OIL",
    "ACEITE DE AGUACATE": "PERSEA GRATISSIMA OIL",
    "HUILE D'AVOCAT": "PERSEA GRATISSIMA OIL",
    "JOJOBA OIL": "SIMMONDSIA CHINENSIS SEED OIL",
    "ÓLEO DE JOJOBA": "SIMMONDSIA CHINENSIS SEED OIL",
    "ACEITE DE JOJOBA": "SIMMONDSIA CHINENSIS SEED OIL",
    "HUILE DE JOJOBA": "SIMMONDSIA CHINENSIS SEED OIL",
    "SWEET ALMOND OIL": "PRUNUS AMYGDALUS DULCIS OIL",
    "ALMOND OIL": "PRUNUS AMYGDALUS DULCIS OIL",
    "ÓLEO DE AMÊNDOAS DOCES": "PRUNUS AMYGDALUS DULCIS OIL",
    "ACEITE DE ALMENDRAS DULCES": "PRUNUS AMYGDALUS DULCIS OIL",
    "HUILE D'AMANDE DOUCE": "PRUNUS AMYGDALUS DULCIS OIL",
    "OLIVE OIL": "OLEA EUROPAEA FRUIT OIL",
    "ÓLEO DE OLIVA": "OLEA EUROPAEA FRUIT OIL",
    "ACEITE DE OLIVA": "OLEA EUROPAEA FRUIT OIL",
    "HUILE D'OLIVE": "OLEA EUROPAEA FRUIT OIL",
    "ARGAN OIL": "ARGANIA SPINOSA KERNEL OIL",
    "ÓLEO DE ARGAN": "ARGANIA SPINOSA KERNEL OIL",
    "ACEITE DE ARGÁN": "ARGANIA SPINOSA KERNEL OIL",
    "HUILE D'ARGAN": "ARGANIA SPINOSA KERNEL OIL",
    "SUNFLOWER OIL": "HELIANTHUS ANNUUS SEED OIL",
    "SUNFLOWER SEED OIL": "HELIANTHUS ANNUUS SEED OIL",
    "ÓLEO DE GIRASSOL": "HELIANTHUS ANNUUS SEED OIL",
    "ACEITE DE GIRASOL": "HELIANTHUS ANNUUS SEED OIL",
    "HUILE DE TOURNESOL": "HELIANTHUS ANNUUS SEED OIL",
    "ROSEHIP OIL": "ROSA CANINA SEED OIL",
    "ROSE HIP OIL": "ROSA CANINA SEED OIL",
    "TEA TREE OIL": "MELALEUCA ALTERNIFOLIA LEAF OIL",
    "ALOE VERA": "ALOE BARBADENSIS LEAF JUICE",
    "ALOE VERA GEL": "ALOE BARBADENSIS LEAF JUICE",
    "ALOE VERA JUICE": "ALOE BARBADENSIS LEAF JUICE",
    "BABOSA": "ALOE BARBADENSIS LEAF JUICE",
    "BEESWAX": "CERA ALBA",
    "CERA DE ABELHA": "CERA ALBA",
    "CIRE D'ABEILLE": "CERA ALBA",
    "BIENENWACHS": "CERA ALBA",
    "CARNAUBA WAX": "COPERNICIA CERIFERA CERA",
    "CIRE DE CARNAUBA": "COPERNICIA CERIFERA CERA",
    "CANDELILLA WAX": "EUPHORBIA CERIFERA CERA",
    "LANOLINA": "LANOLIN",
    "MEL": "MEL",
    "MIEL": "MEL",
    "MIELE": "MEL",
    "HONIG": "MEL",
    "CORN STARCH": "ZEA MAYS STARCH",
    "AMIDON DE RIZ": "ORYZA SATIVA STARCH",
    "RICE STARCH": "ORYZA SATIVA STARCH",
    "TAPIOCA STARCH": "TAPIOCA STARCH",
    "OAT KERNEL FLOUR": "AVENA SATIVA KERNEL FLOUR",
    "COLLOIDAL OATMEAL": "AVENA SATIVA KERNEL FLOUR",
    "CARAMEL": "CARAMEL",
    "SUCRE": "SUCROSE",
    "SUGAR": "SUCROSE",
    "AÇÚCAR": "SUCROSE",
    "AZÚCAR": "SUCROSE",
    "SEL MARIN": "MARIS SAL",
    "SEA SALT": "MARIS SAL",
    "SALT": "SODIUM CHLORIDE",
    "MINERAL OIL": "PARAFFINUM LIQUIDUM",
    "HUILE MINERALE": "PARAFFINUM LIQUIDUM",
    "ÓLEO MINERAL": "PARAFFINUM LIQUIDUM",
    "ACEITE MINERAL": "PARAFFINUM LIQUIDUM",
    "PARAFFIN OIL": "PARAFFINUM LIQUIDUM",
    "LIQUID PARAFFIN": "PARAFFINUM LIQUIDUM",
    "PETROLEUM JELLY": "PETROLATUM",
    "VASELINA": "PETROLATUM",
    "VASELINE": "PETROLATUM",
    "WHITE PETROLATUM": "PETROLATUM",
    "SILICE": "SILICA",
    "SÍLICA": "SILICA",
    "TALCO": "TALC",
    "CAOLIM": "KAOLIN",
    "CAOLÍN": "KAOLIN",
    "KAOLINE": "KAOLIN",
    "MICA (CI 77019)": "MICA",
    "MALTODEXTRINE": "MALTODEXTRIN",
    "MANNOSE": "MANNOSE",
    "SD ALCOHOL 40": "ALCOHOL DENAT.",
    "SD ALCOHOL 40-B": "ALCOHOL DENAT.",
    "SD ALCOHOL 39-C": "ALCOHOL DENAT.",
    "DENATURED ALCOHOL": "ALCOHOL DENAT.",
    "ALCOHOL DENATURED": "ALCOHOL DENAT.",
    "SODIUM CARBOXYMETHYL CELLULOSE": "CELLULOSE GUM",
    "BUTYLATED HYDROXYANISOLE": "BHA",
    "BUTYLATED HYDROXYTOLUENE": "BHT",
    "HYALURONIC ACID (SODIUM HYALURONATE)": "SODIUM HYALURONATE",
    "CHARCOAL POWDER": "CHARCOAL POWDER",
    "BIOSACCHARIDE GUM-1": "BIOSACCHARIDE GUM-1",
    # everyday English names of botanicals, oils and actives, as shop pages and labels print them
    "PROPOLIS": "PROPOLIS EXTRACT",
    "BEE PROPOLIS": "PROPOLIS EXTRACT",
    "ROYAL JELLY": "ROYAL JELLY",
    "MANUKA HONEY": "MEL",
    "HONEY": "MEL",
    "WITCH HAZEL": "HAMAMELIS VIRGINIANA WATER",
    "WITCH HAZEL EXTRACT": "HAMAMELIS VIRGINIANA LEAF EXTRACT",
    "CALENDULA": "CALENDULA OFFICINALIS FLOWER EXTRACT",
    "ARNICA": "ARNICA MONTANA FLOWER EXTRACT",
    "GINSENG": "PANAX GINSENG ROOT EXTRACT",
    "RED GINSENG": "PANAX GINSENG ROOT EXTRACT",
    "TURMERIC": "CURCUMA LONGA ROOT EXTRACT",
    "CURCUMIN": "CURCUMIN",
    "RICE EXTRACT": "ORYZA SATIVA BRAN EXTRACT",
    "RICE BRAN": "ORYZA SATIVA BRAN EXTRACT",
    "RICE WATER": "ORYZA SATIVA BRAN WATER",
    "RICE FERMENT": "SACCHAROMYCES/RICE FERMENT FILTRATE",
    "MUGWORT": "ARTEMISIA VULGARIS EXTRACT",
    "HEARTLEAF": "HOUTTUYNIA CORDATA EXTRACT",
    "HOUTTUYNIA": "HOUTTUYNIA CORDATA EXTRACT",
    "SEA BUCKTHORN": "HIPPOPHAE RHAMNOIDES FRUIT OIL",
    "SEA BUCKTHORN OIL": "HIPPOPHAE RHAMNOIDES FRUIT OIL",
    "ROSEHIP SEED OIL": "ROSA CANINA SEED OIL",
    "ROSEHIP": "ROSA CANINA FRUIT OIL",
    "MARULA OIL": "SCLEROCARYA BIRREA SEED OIL",
    "MORINGA": "MORINGA OLEIFERA SEED OIL",
    "MORINGA OIL": "MORINGA OLEIFERA SEED OIL",
    "BAOBAB OIL": "ADANSONIA DIGITATA SEED OIL",
    "TAMANU OIL": "CALOPHYLLUM INOPHYLLUM SEED OIL",
    "NEEM OIL": "MELIA AZADIRACHTA SEED OIL",
    "NEEM": "MELIA AZADIRACHTA LEAF EXTRACT",
    "HEMP SEED OIL": "CANNABIS SATIVA SEED OIL",
    "HEMP OIL": "CANNABIS SATIVA SEED OIL",
    "GRAPESEED OIL": "VITIS VINIFERA SEED OIL",
    "EVENING PRIMROSE OIL": "OENOTHERA BIENNIS OIL",
    "BORAGE OIL": "BORAGO OFFICINALIS SEED OIL",
    "CAMELLIA OIL": "CAMELLIA JAPONICA SEED OIL",
    "APRICOT KERNEL OIL": "PRUNUS ARMENIACA KERNEL OIL",
    "SESAME OIL": "SESAMUM INDICUM SEED OIL",
    "POMEGRANATE": "PUNICA GRANATUM FRUIT EXTRACT",
    "POMEGRANATE SEED OIL": "PUNICA GRANATUM SEED OIL",
    "MANGO BUTTER": "MANGIFERA INDICA SEED BUTTER",
    "KOKUM BUTTER": "GARCINIA INDICA SEED BUTTER",
    "CUCUMBER": "CUCUMIS SATIVUS FRUIT EXTRACT",
    "CUCUMBER EXTRACT": "CUCUMIS SATIVUS FRUIT EXTRACT",
    "PAPAYA": "CARICA PAPAYA FRUIT EXTRACT",
    "PAPAIN": "PAPAIN",
    "BROMELAIN": "BROMELAIN",
    "PINEAPPLE ENZYMES": "BROMELAIN",
    "PUMPKIN ENZYMES": "CUCURBITA PEPO FRUIT EXTRACT",
    "LAVENDER": "LAVANDULA ANGUSTIFOLIA OIL",
    "LAVENDER OIL": "LAVANDULA ANGUSTIFOLIA OIL",
    "ROSE WATER": "ROSA DAMASCENA FLOWER WATER",
    "ROSE OIL": "ROSA DAMASCENA FLOWER OIL",
    "ROSEMARY": "ROSMARINUS OFFICINALIS LEAF EXTRACT",
    "ROSEMARY EXTRACT": "ROSMARINUS OFFICINALIS LEAF EXTRACT",
    "PEPPERMINT OIL": "MENTHA PIPERITA OIL",
    "EUCALYPTUS OIL": "EUCALYPTUS GLOBULUS LEAF OIL",
    "FRANKINCENSE": "BOSWELLIA CARTERII OIL",
    "FRANKINCENSE OIL": "BOSWELLIA CARTERII OIL",
    "SAFFRON": "CROCUS SATIVUS FLOWER EXTRACT",
    "MULBERRY": "MORUS ALBA ROOT EXTRACT",
    "WHITE MULBERRY": "MORUS ALBA ROOT EXTRACT",
    "BEARBERRY": "ARCTOSTAPHYLOS UVA URSI LEAF EXTRACT",
    "WILLOW BARK": "SALIX ALBA BARK EXTRACT",
    "WILLOW BARK EXTRACT": "SALIX ALBA BARK EXTRACT",
    "WHITE WILLOW BARK": "SALIX ALBA BARK EXTRACT",
    "HORSE CHESTNUT": "AESCULUS HIPPOCASTANUM SEED EXTRACT",
    "GOTU KOLA": "CENTELLA ASIATICA EXTRACT",
    "GINKGO": "GINKGO BILOBA LEAF EXTRACT",
    "GINKGO BILOBA": "GINKGO BILOBA LEAF EXTRACT",
    "EDELWEISS": "LEONTOPODIUM ALPINUM FLOWER/LEAF EXTRACT",
    "BAKUCHI": "PSORALEA CORYLIFOLIA SEED EXTRACT",
    "MOTHERWORT": "LEONURUS JAPONICUS EXTRACT",
    "SPIRULINA": "SPIRULINA PLATENSIS EXTRACT",
    "KELP": "LAMINARIA DIGITATA EXTRACT",
    "RED ALGAE": "CHONDRUS CRISPUS EXTRACT",
    "CHLORELLA": "CHLORELLA VULGARIS EXTRACT",
    "REISHI": "GANODERMA LUCIDUM EXTRACT",
    "REISHI MUSHROOM": "GANODERMA LUCIDUM EXTRACT",
    "TREMELLA": "TREMELLA FUCIFORMIS POLYSACCHARIDE",
    "SNOW MUSHROOM": "TREMELLA FUCIFORMIS POLYSACCHARIDE",
    "CHAGA": "INONOTUS OBLIQUUS EXTRACT",
    "SHIITAKE": "LENTINUS EDODES EXTRACT",
    "BETA GLUCAN": "BETA-GLUCAN",
    "OAT BETA GLUCAN": "BETA-GLUCAN",
    "YEAST EXTRACT": "YEAST EXTRACT",
    "GALACTOMYCES": "GALACTOMYCES FERMENT FILTRATE",
    "BIFIDA": "BIFIDA FERMENT LYSATE",
    "CAVIAR": "CAVIAR EXTRACT",
    "CAVIAR EXTRACT": "CAVIAR EXTRACT",
    "PEARL POWDER": "PEARL POWDER",
    "PEARL EXTRACT": "PEARL EXTRACT",
    "SILK PROTEIN": "HYDROLYZED SILK",
    "GOLD": "GOLD",
    "COLLOIDAL GOLD": "COLLOIDAL GOLD",
    "COLLOIDAL SILVER": "COLLOIDAL SILVER",
    "BEE VENOM": "BEE VENOM",
    "DONKEY MILK": "DONKEY MILK",
    "GOAT MILK": "GOAT MILK",
    "KAOLIN CLAY": "KAOLIN",
    "WHITE CLAY": "KAOLIN",
    "BENTONITE CLAY": "BENTONITE",
    "CHARCOAL": "CHARCOAL POWDER",
    "ACTIVATED CHARCOAL": "CHARCOAL POWDER",
    "VOLCANIC ASH": "VOLCANIC ASH",
    "DEAD SEA SALT": "MARIS SAL",
    "DEAD SEA MUD": "MARIS LIMUS EXTRACT",
    "SULFUR": "SULFUR",
    "SULPHUR": "SULFUR",
    "LANOLIN": "LANOLIN",
    "TALLOW": "TALLOW",
    "BEEF TALLOW": "TALLOW",
    "CHOLESTEROL": "CHOLESTEROL",
    "VITAMIN K": "PHYTONADIONE",
    "VITAMIN K1": "PHYTONADIONE",
    "VITAMIN D": "CHOLECALCIFEROL",
    "VITAMIN D3": "CHOLECALCIFEROL",
    "VITAMIN B12": "CYANOCOBALAMIN",
    "VITAMIN F": "LINOLEIC ACID",
    "BIOTIN": "BIOTIN",
    "GLUTATHIONE": "GLUTATHIONE",
    "IDEBENONE": "HYDROXYDECYL UBIQUINONE",
    "ALPHA LIPOIC ACID": "THIOCTIC ACID",
    "LIPOIC ACID": "THIOCTIC ACID",
    "DMAE": "DIMETHYL MEA",
    "POLYGLUTAMIC ACID": "POLYGLUTAMIC ACID",
    "LACTOBIONIC ACID": "LACTOBIONIC ACID",
    "MALTOBIONIC ACID": "MALTOBIONIC ACID",
    "PHYTIC ACID": "PHYTIC ACID",
    "SUCCINIC ACID": "SUCCINIC ACID",
    "CARNOSINE": "CARNOSINE",
    "ERGOTHIONEINE": "ERGOTHIONEINE",
    "PDRN": "SODIUM DNA",
    "SALMON DNA": "SODIUM DNA",
    "EGF": "SH-OLIGOPEPTIDE-1",
    "EPIDERMAL GROWTH FACTOR": "SH-OLIGOPEPTIDE-1",
    "THIAMIDOL": "ISOBUTYLAMIDO THIAZOLYL RESORCINOL",
    "CYSTEAMINE": "CYSTEAMINE HCL",
    "GREEN COFFEE": "COFFEA ARABICA SEED EXTRACT",
    "COFFEE EXTRACT": "COFFEA ARABICA SEED EXTRACT",
    "HIBISCUS": "HIBISCUS SABDARIFFA FLOWER EXTRACT",
    "ACAI": "EUTERPE OLERACEA FRUIT EXTRACT",
    "ACAI BERRY": "EUTERPE OLERACEA FRUIT EXTRACT",
    "GOJI": "LYCIUM BARBARUM FRUIT EXTRACT",
    "GOJI BERRY": "LYCIUM BARBARUM FRUIT EXTRACT",
    "KAKADU PLUM": "TERMINALIA FERDINANDIANA FRUIT EXTRACT",
    "CAMU CAMU": "MYRCIARIA DUBIA FRUIT EXTRACT",
    "ACEROLA": "MALPIGHIA EMARGINATA FRUIT EXTRACT",
    "GRAPE SEED EXTRACT": "VITIS VINIFERA SEED EXTRACT",
    "PYCNOGENOL": "PINUS PINASTER BARK EXTRACT",
    "YUZU": "CITRUS JUNOS FRUIT EXTRACT",
    "BLUE TANSY": "TANACETUM ANNUUM FLOWER OIL",
    "BIRCH SAP": "BETULA ALBA JUICE",
    "BIRCH JUICE": "BETULA ALBA JUICE",
    "PRICKLY PEAR": "OPUNTIA FICUS-INDICA SEED OIL",
    "PRICKLY PEAR SEED OIL": "OPUNTIA FICUS-INDICA SEED OIL",
    # US drug-facts names of UV filters
    "AVOBENZONE": "BUTYL METHOXYDIBENZOYLMETHANE",
    "OCTISALATE": "ETHYLHEXYL SALICYLATE",
    "OCTYL SALICYLATE": "ETHYLHEXYL SALICYLATE",
    "OCTINOXATE": "ETHYLHEXYL METHOXYCINNAMATE",
    "OCTYL METHOXYCINNAMATE": "ETHYLHEXYL METHOXYCINNAMATE",
    "OXYBENZONE": "BENZOPHENONE-3",
    "SULISOBENZONE": "BENZOPHENONE-4",
    "ENSULIZOLE": "PHENYLBENZIMIDAZOLE SULFONIC ACID",
    "ECAMSULE": "TEREPHTHALYLIDENE DICAMPHOR SULFONIC ACID",
    "MERADIMATE": "MENTHYL ANTHRANILATE",
    "PADIMATE O": "ETHYLHEXYL DIMETHYL PABA",
    "BEMOTRIZINOL": "BIS-ETHYLHEXYLOXYPHENOL METHOXYPHENYL TRIAZINE",
    "BISOCTRIZOLE": "METHYLENE BIS-BENZOTRIAZOLYL TETRAMETHYLBUTYLPHENOL",
    "ENZACAMENE": "4-METHYLBENZYLIDENE CAMPHOR",
    "AMILOXATE": "ISOAMYL P-METHOXYCINNAMATE",
    "OCTYL TRIAZONE": "ETHYLHEXYL TRIAZONE",
    "TINOSORB S": "BIS-ETHYLHEXYLOXYPHENOL METHOXYPHENYL TRIAZINE",
    "TINOSORB M": "METHYLENE BIS-BENZOTRIAZOLYL TETRAMETHYLBUTYLPHENOL",
    "MEXORYL SX": "TEREPHTHALYLIDENE DICAMPHOR SULFONIC ACID",
    "MEXORYL XL": "DROMETRIZOLE TRISILOXANE",
    "UVINUL A PLUS": "DIETHYLAMINO HYDROXYBENZOYL HEXYL BENZOATE",
    "TROLAMINE": "TRIETHANOLAMINE",
    # trade or common names of fragrance ingredients the EU banned (Annex II)
    "LILIAL": "BUTYLPHENYL METHYLPROPIONAL",
    "LYRAL": "HYDROXYISOHEXYL 3-CYCLOHEXENE CARBOXALDEHYDE",
}

# Older or common genus spellings still printed at the start of a plant name.
GENUS_RENAMES: tuple[tuple[str, str], ...] = (
    ("CITRUS MEDICA LIMONUM", "CITRUS LIMON"),
    ("ROSE DAMASCENA", "ROSA DAMASCENA"),
    ("ROSE CANINA", "ROSA CANINA"),
    ("CHAMOMILLA RECUTITA", "MATRICARIA CHAMOMILLA"),
    ("ALOE VERA", "ALOE BARBADENSIS"),
)

# FD&C / D&C colour names -> Colour Index number (21 CFR 74 listings).
US_COLOURS: dict[tuple[str, int], str] = {
    ("YELLOW", 5): "CI 19140",
    ("YELLOW", 6): "CI 15985",
    ("YELLOW", 10): "CI 47005",
    ("YELLOW", 11): "CI 47000",
    ("RED", 4): "CI 14700",
    ("RED", 6): "CI 15850",
    ("RED", 7): "CI 15850",
    ("RED", 21): "CI 45380",
    ("RED", 22): "CI 45380",
    ("RED", 27): "CI 45410",
    ("RED", 28): "CI 45410",
    ("RED", 30): "CI 73360",
    ("RED", 33): "CI 17200",
    ("RED", 36): "CI 12085",
    ("RED", 40): "CI 16035",
    ("BLUE", 1): "CI 42090",
    ("GREEN", 3): "CI 42053",
    ("GREEN", 5): "CI 61570",
    ("GREEN", 6): "CI 61565",
    ("ORANGE", 4): "CI 15510",
    ("ORANGE", 5): "CI 45370",
    ("VIOLET", 2): "CI 60725",
}

# How much a CosIng function tells a reader, most first: what the ingredient is there for beats what
# every second ingredient is also listed for ("skin conditioning") or a use outside skin care
# ("antiplaque", "denaturant"). Functions not named here come after these, alphabetically.
_FUNCTION_ORDER = (
    "UV FILTER",
    "UV ABSORBER",
    "PRESERVATIVE",
    "HAIR DYEING",
    "COLORANT",
    "ANTIPERSPIRANT",
    "DEODORANT",
    "EXFOLIATING",
    "KERATOLYTIC",
    "BLEACHING",
    "TANNING",
    "DEPILATORY",
    "HAIR WAVING OR STRAIGHTENING",
    "HUMECTANT",
    "SKIN CONDITIONING - HUMECTANT",
    "MOISTURISING",
    "SKIN CONDITIONING - EMOLLIENT",
    "SKIN CONDITIONING - OCCLUSIVE",
    "SURFACTANT - CLEANSING",
    "SURFACTANT - EMULSIFYING",
    "SURFACTANT - FOAM BOOSTING",
    "SURFACTANT - SOLUBILIZING",
    "SURFACTANT - HYDROTROPE",
    "SURFACTANT - DISPERSING",
    "CLEANSING",
    "FOAMING",
    "ANTIOXIDANT",
    "ANTIMICROBIAL",
    "ANTI-SEBUM",
    "ANTI-SEBORRHEIC",
    "SOOTHING",
    "SKIN PROTECTING",
    "CHELATING",
    "PH ADJUSTERS",
    "BUFFERING",
    "SOLVENT",
    "FILM FORMING",
    "GEL FORMING",
    "VISCOSITY CONTROLLING",
    "EMULSION STABILISING",
    "OPACIFYING",
    "ABRASIVE",
    "ABSORBENT",
    "PERFUMING",
    "FRAGRANCE",
    "MASKING",
    "LIGHT STABILIZER",
)
_GENERIC_FUNCTIONS = (  # true but uninformative, or about another kind of product: always last
    "SKIN CONDITIONING",
    "SKIN CONDITIONING - MISCELLANEOUS",
    "HAIR CONDITIONING",
    "ANTISTATIC",
    "BULKING",
    "BINDING",
    "PLASTICISER",
    "SLIP MODIFIER",
    "SURFACE MODIFIER",
    "REFATTING",
    "TONIC",
    "REFRESHING",
    "SMOOTHING",
    "FLAVOURING",
    "ORAL CARE",
    "ANTIPLAQUE",
    "DENATURANT",
    "PROPELLANT",
    "NAIL CONDITIONING",
    "NAIL SCULPTING",
    "EYELASH CONDITIONING",
    "ANTICAKING",
    "ANTIFOAMING",
    "ANTICORROSIVE",
    "NOT REPORTED",
)
_RANK = {name: i for i, name in enumerate(_FUNCTION_ORDER)}
_RANK.update({name: 1000 + i for i, name in enumerate(_GENERIC_FUNCTIONS)})


def rank_functions(functions: Iterable[str]) -> tuple[str, ...]:
    """CosIng functions ordered by how much they tell a reader (UV filter before denaturant)."""
    return tuple(sorted(dict.fromkeys(functions), key=lambda f: (_RANK.get(f, 500), f)))


# plain strings: re caches them compiled on first use, keeping the import cheap
_CI = r"^c\s?[il1|]\s?(\d{5})(?::?(\d))?$"
_US_COLOUR = (
    r"^(?:(?:ext\s)?(?:fd&c|d&c|fdc|dc)\s)?(yellow|red|blue|green|orange|violet)\s?(?:no\s?)?(\d{1,2})"
    r"(?:\s(?:aluminum\s|al\s|ca\s|ba\s)?lake)?$"
)
_SWITCH_TO_MEMORY = 400  # SQLite look-ups after which loading the whole index is the cheaper road


class AnnexEntry(NamedTuple):
    """One entry of Annexes II-VI of Regulation (EC) No 1223/2009 that names the ingredient.

    Texts are the Commission's, whole (not shortened); `form` is "nano" when the entry covers only
    the nano form (Annex II/1725 bans styrene/acrylates copolymer only as a nanomaterial).
    """

    annex: str  # II prohibited, III restricted, IV colorant, V preservative, VI UV filter
    ref: str
    max_concentration: str
    product_type: str
    conditions: str
    warnings: str
    chemical_name: str = ""
    cmr: str = ""
    form: str = ""

    @property
    def label(self) -> str:
        """Short citation, e.g. "Annex V/3"."""
        return f"Annex {self.annex}/{self.ref}"

    @property
    def prohibited(self) -> bool:
        return self.annex == "II"


class CosIngEntry(NamedTuple):
    """A CosIng match: the INCI name, its functions (most informative first) and annex entries."""

    inci_name: str
    functions: tuple[str, ...]
    annexes: tuple[AnnexEntry, ...]
    via: str = "exact"  # exact | loose | alias | colour | chemical | inn | translated
    origin: str = "inventory"  # inventory | annex (a name known only from an annex)
    synonym: str | None = None  # the annex's chemical name or INN the label used


@cache
def _alias_keys() -> dict[str, str]:
    return {loose_key(k): v for k, v in ALIASES.items()}


_Row = tuple[int, str, str, str]  # id, name, function ids, origin


class CosIng:
    """Read-only access to the shipped CosIng database, opened lazily, answers memoised per name."""

    def __init__(self, path: str | PathLike[str] | None = None, *, memory_index: bool = True) -> None:
        """`memory_index=False` keeps answering from SQLite however many names are asked (a few MiB less
        for callers that look up many names once, such as `check` on a long text)."""
        self._path = path
        self._memory_index = memory_index
        self._con: sqlite3.Connection | None = None
        self._stack = ExitStack()
        self._cache: dict[str, CosIngEntry | None] = {}
        self._functions: dict[int, str] = {}
        self._annex_cache: dict[int, tuple[AnnexEntry, ...]] = {}
        self._sql_lookups = 0
        # in-memory indexes (load_index)
        self._keys: dict[str, tuple[_Row, ...]] | None = None  # loose key -> rows, filled on demand
        self._ids: dict[str, list[int]] = {}
        self._synonyms_loaded = False
        self._pool_calls = 0  # SQL suggestion/prefix searches; past 10 the full index is cheaper
        self._sorted_keys: list[str] = []
        self._bucket_lengths: dict[str, list[int]] = {}
        self._synonyms: dict[str, tuple[int, str, str] | None] = {}  # memo of SQL answers
        self._bags: dict[str, int | None] = {}  # memo of SQL answers
        self._by_id: dict[int, _Row] = {}
        self._buckets: dict[str, list[str]] = {}  # "p"+first 2 / "s"+last 3 letters -> inventory keys
        self._inventory_names: dict[str, str] = {}
        self._suggest_cache: dict[str, list[str]] = {}
        self.memo: dict[str, dict[object, object]] = {}  # per-process caches of the scanner (scan.py)

    # -- connection ----------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._con is None:
            import sqlite3
            from pathlib import Path

            if self._path is None:
                path = Path(__file__).resolve().parent / "refdata" / "cosing.sqlite"
                if not path.is_file():  # a zipped install: importlib.resources extracts a copy
                    from importlib.resources import as_file, files

                    resource = files("skincli.label.refdata").joinpath("cosing.sqlite")
                    path = Path(self._stack.enter_context(as_file(resource)))
            else:
                path = Path(self._path)
            if not path.is_file():
                raise FileNotFoundError(f"CosIng database not found: {path}")
            uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
            con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._functions = dict(con.execute("SELECT id, name FROM function"))
            self._con = con
        return self._con

    def close(self) -> None:
        """Close the database (it reopens on next use); in-memory indexes stay."""
        if self._con is not None:
            self._con.close()
            self._con = None
        self._stack.close()

    def __enter__(self) -> CosIng:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, str]:
        """Build information stored in the database (sources, counts, input checksums)."""
        return dict(self._connect().execute("SELECT key, value FROM meta"))

    @property
    def in_memory(self) -> bool:
        return self._keys is not None

    def load_index(self) -> None:
        """Read every name's key into a dict once; later look-ups of a name never query SQLite.

        About 40 ms. The rest (names of matched ids, annex links, the word-order and suggestion
        indexes) fills in on first use, each once per process.
        """
        if self._keys is not None:
            return
        con = self._connect()
        keys: dict[str, list[int]] = {}
        for key, inci_id in con.execute("SELECT key, inci_id FROM lookup"):
            keys.setdefault(key, []).append(inci_id)
        self._ids = keys
        self._keys = {}
        self._synonyms_loaded = True  # about 1,000 rows: every answer known, absent ones included
        for key, inci_id, name, kind in con.execute("SELECT key, inci_id, name, kind FROM synonym ORDER BY key, inci_id"):
            self._synonyms.setdefault(key, (inci_id, name, kind))

    def _rows_of(self, lk: str) -> tuple[_Row, ...]:
        """In-memory path: the rows for a loose key, fetched by id once and kept."""
        assert self._keys is not None
        rows = self._keys.get(lk)
        if rows is None:
            ids = self._ids.get(lk, ())
            rows = tuple(sorted((self._row(i) for i in ids), key=lambda r: (r[3] != "inventory", r[0])))
            self._keys[lk] = rows
        return rows

    def _row(self, inci_id: int) -> _Row:
        row = self._by_id.get(inci_id)
        if row is None:
            row = self._connect().execute("SELECT id, name, functions, origin FROM inci WHERE id = ?", (inci_id,)).fetchone()
            self._by_id[inci_id] = row
        return row

    def _full_index(self) -> None:
        """Everything at once (suggestions and prefix searches need every name): ~0.3 s, once."""
        if self._sorted_keys:
            return
        self.load_index()
        con = self._connect()
        for row in con.execute("SELECT id, name, functions, origin FROM inci"):
            self._by_id.setdefault(row[0], row)
        self._sorted_keys = sorted(self._ids)
        for key in self._sorted_keys:
            rows = [self._by_id[i] for i in self._ids[key]]
            best = min(rows, key=lambda r: (r[3] != "inventory", r[0]))
            if best[3] != "inventory":
                continue
            self._inventory_names[key] = best[1]
            self._buckets.setdefault("p" + key[:2], []).append(key)
            self._buckets.setdefault("s" + key[-3:], []).append(key)
        # Each bucket by key length, so a suggestion reads only the names of a similar length
        # (a common prefix such as "PE" holds thousands of PEG names).
        for bucket, keys in self._buckets.items():
            keys.sort(key=len)
            self._bucket_lengths[bucket] = [len(k) for k in keys]

    # -- lookup --------------------------------------------------------------------------------
    def lookup(self, name: str) -> CosIngEntry | None:
        """The CosIng entry a label name stands for, or None. Never guesses beyond spelling."""
        key = normalize(name)
        if not key:
            return None
        if key in self._cache:
            return self._cache[key]
        entry = self._resolve(key)
        self._cache[key] = entry
        return entry

    def _resolve(self, key: str) -> CosIngEntry | None:
        colour = re.match(_CI, key)
        if colour:
            ci = f"CI {colour.group(1)}" + (f":{colour.group(2)}" if colour.group(2) else "")
            hit = self._by_key(ci) or (None if colour.group(2) else self._by_key(ci + ":1"))
            via = "exact" if hit and normalize(hit[1]) == key else "colour"
            return self._entry(hit, via) if hit else None
        hit = self._by_key(key)
        if hit:
            return self._entry(hit, "exact" if normalize(hit[1]) == key else "loose")
        lk = loose_key(key)
        target = _alias_keys().get(lk)
        if target is None:
            us = re.match(_US_COLOUR, key)
            if us:
                target = US_COLOURS.get((us.group(1).upper(), int(us.group(2))))
        if target:
            hit = self._by_key(target)
            return self._entry(hit, "alias") if hit else None
        synonym = self._synonym(lk)
        if synonym is not None:
            row, written, kind = synonym
            return self._entry(row, kind, synonym=written)
        upper = key.upper()
        for old, new in GENUS_RENAMES:
            if upper.startswith(old + " "):
                hit = self._by_key(new + upper[len(old) :])
                return self._entry(hit, "alias") if hit else None
        return None

    def lookup_words(self, words: list[str]) -> CosIngEntry | None:
        """The inventory name made of exactly these words in some order ("CETYL POTASSIUM PHOSPHATE"
        -> POTASSIUM CETYL PHOSPHATE): for names translated word by word from another language."""
        keys = [loose_key(p) for w in words for p in w.split("/") if loose_key(p)]
        if len(keys) < 2:
            return None
        bag = " ".join(sorted(keys))
        if bag in self._bags:
            inci_id = self._bags[bag]
            return None if inci_id is None else self._entry(self._row(inci_id), "translated")
        self._sql_lookups += 1
        row = (
            self._connect()
            .execute(
                "SELECT inci.id, inci.name, inci.functions, inci.origin FROM bag JOIN inci ON inci.id = inci_id"
                " WHERE key = ? ORDER BY inci.id LIMIT 1",
                (bag,),
            )
            .fetchone()
        )
        self._bags[bag] = None if row is None else row[0]
        return None if row is None else self._entry(row, "translated")

    def _by_key(self, name: str) -> _Row | None:
        lk = loose_key(name)
        if not lk:
            return None
        rows = self._rows(lk)
        if not rows:
            return None
        wanted = normalize(name)
        for row in rows:  # several spellings share a loose key: prefer the exact one
            if normalize(row[1]) == wanted:
                return row
        return rows[0]

    def _rows(self, lk: str) -> tuple[_Row, ...]:
        if self._keys is None:
            self._sql_lookups += 1
            if self._sql_lookups > _SWITCH_TO_MEMORY and self._memory_index:
                self.load_index()
        if self._keys is not None:
            return self._rows_of(lk)
        return tuple(
            self._connect().execute(
                "SELECT inci.id, inci.name, inci.functions, inci.origin FROM lookup JOIN inci ON inci.id = inci_id"
                " WHERE key = ? ORDER BY inci.origin != 'inventory', inci.id",
                (lk,),
            )
        )

    def _synonym(self, lk: str) -> tuple[_Row, str, str] | None:
        if lk in self._synonyms or self._synonyms_loaded:
            found = self._synonyms.get(lk)
            return None if found is None else (self._row(found[0]), found[1], found[2])
        row = (
            self._connect()
            .execute(
                "SELECT inci.id, inci.name, inci.functions, inci.origin, synonym.name, synonym.kind FROM synonym"
                " JOIN inci ON inci.id = synonym.inci_id WHERE synonym.key = ? ORDER BY inci.id LIMIT 1",
                (lk,),
            )
            .fetchone()
        )
        self._synonyms[lk] = None if row is None else (row[0], row[4], row[5])
        return None if row is None else ((row[0], row[1], row[2], row[3]), row[4], row[5])

    def keys_with_prefix(self, prefix: str, limit: int = 64) -> list[tuple[str, str]]:
        """(loose key, INCI name) of names whose loose key starts with `prefix` (inventory names only)."""
        out: list[tuple[str, str]] = []
        self._pool_calls += 1
        if self._sorted_keys or (self._keys is not None and self._pool_calls > 10):
            self._full_index()
            i = bisect_left(self._sorted_keys, prefix)
            while i < len(self._sorted_keys) and self._sorted_keys[i].startswith(prefix) and len(out) < limit:
                row = self._rows_of(self._sorted_keys[i])[0]
                if row[3] == "inventory":
                    out.append((self._sorted_keys[i], row[1]))
                i += 1
            return out
        self._sql_lookups += 1
        return list(
            self._connect().execute(
                "SELECT lookup.key, inci.name FROM lookup JOIN inci ON inci.id = inci_id"
                " WHERE key >= ? AND key < ? AND inci.origin = 'inventory' ORDER BY key LIMIT ?",
                (prefix, prefix + "\x7f", limit),
            )
        )

    def _entry(self, row: _Row, via: str, synonym: str | None = None) -> CosIngEntry:
        inci_id, name, codes, origin = row
        if not self._functions:
            self._connect()
        functions = rank_functions(self._functions[int(c)] for c in codes.split())
        return CosIngEntry(
            inci_name=name,
            functions=functions,
            annexes=self._annexes(inci_id),
            via=via,
            origin=origin,
            synonym=synonym,
        )

    def _annexes(self, inci_id: int) -> tuple[AnnexEntry, ...]:
        if inci_id not in self._annex_cache:
            self._annex_cache[inci_id] = tuple(
                AnnexEntry(*fields)
                for fields in self._connect().execute(
                    "SELECT annex, ref, max_concentration, product_type, other_conditions, warnings, chemical_name,"
                    " cmr, form FROM inci_annex JOIN annex ON annex.id = annex_id WHERE inci_id = ? ORDER BY annex.id",
                    (inci_id,),
                )
            )
        return self._annex_cache[inci_id]

    # -- suggestions ---------------------------------------------------------------------------
    def suggest(self, name: str, n: int = 3) -> list[str]:
        """INCI names close to a misspelt one ("Niacinamid" -> NIACINAMIDE), best first.

        The pool is the names sharing the first two or last three letters and a similar length,
        capped at 300 (nearest length first), ranked by difflib; answers are memoised. Bounded:
        at most 300 comparisons per distinct name.
        """
        import difflib

        lk = loose_key(name)
        if len(lk) < 3 or n <= 0:
            return []
        if lk in self._suggest_cache:
            return self._suggest_cache[lk][:n]
        lo, hi = int(len(lk) * 0.75), int(len(lk) * 1.25) + 2
        pool: dict[str, str] = {}
        for key, target in self._pool(lk, lo, hi):  # SQL or the in-memory index: the same set, in any order
            if key not in pool or target < pool[key]:
                pool[key] = target
        # Ties broken by the key itself: the answer depends on the name only, never on which path
        # filled the pool or on what was asked before (a batch split over --jobs gives the same output).
        candidates = sorted(pool, key=lambda k: (abs(len(k) - len(lk)), k))[:300]
        matches = difflib.get_close_matches(lk, candidates, n=n * 3, cutoff=0.75)
        out: list[str] = []
        for match in matches:
            if pool[match] not in out:
                out.append(pool[match])
        self._suggest_cache[lk] = out
        return out[:n]

    def _pool(self, lk: str, lo: int, hi: int) -> Iterable[tuple[str, str]]:
        self._pool_calls += 1
        if self._sorted_keys or (self._keys is not None and self._pool_calls > 10):
            self._full_index()
            names = self._inventory_names
            for bucket in ("p" + lk[:2], "s" + lk[-3:]):
                keys = self._buckets.get(bucket, ())
                if keys:
                    lengths = self._bucket_lengths[bucket]
                    for key in keys[bisect_left(lengths, lo) : bisect_right(lengths, hi)]:
                        yield key, names[key]
        else:
            self._sql_lookups += 1
            # The lookup table already holds each name's loose key: recomputing it in Python for the
            # ~700 rows a common prefix matches cost ~25 ms per unknown name.
            yield from self._connect().execute(
                "SELECT lookup.key, inci.name FROM inci JOIN lookup ON lookup.inci_id = inci.id"
                " WHERE (inci.p2 = ? OR inci.s3 = ?) AND inci.klen BETWEEN ? AND ? AND inci.origin = 'inventory'",
                (lk[:2], lk[-3:], lo, hi),
            )
        for alias_key, target in _alias_keys().items():
            if (alias_key[:2] == lk[:2] or alias_key[-3:] == lk[-3:]) and lo <= len(alias_key) <= hi:
                yield alias_key, target


_DEFAULT: CosIng | None = None


def default_cosing() -> CosIng:
    """The process-wide CosIng instance on the shipped database."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = CosIng()
    return _DEFAULT
