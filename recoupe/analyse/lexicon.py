"""The French word lists that quote finding (``quotes``), speaker resolution (``speakers``) and the
entity repairs (``entities``) share: nouns of roles, people, groups, organisations, documents and
things, nationalities, approximate numbers, months and weekdays, news outlets.  Folded lists (``syntax._fold``: lower case, no accents) are compared
with folded lemmas."""
from __future__ import annotations

from .syntax import _fold

# Nouns that name a position a person holds: a role phrase is headed by one of them.
ROLE_NOUNS = frozenset("""
président présidente vice-président vice-présidente secrétaire ministre chef cheffe porte-parole directeur
directrice général générale amiral commandant commandante chancelier chancelière roi reine prince princesse
pape maire député députée sénateur sénatrice ambassadeur ambassadrice envoyé envoyée conseiller conseillère
dirigeant dirigeante patron patronne procureur procureure juge gouverneur gouverneure commissaire émissaire
négociateur négociatrice représentant représentante délégué déléguée leader candidat candidate fondateur
fondatrice pdg adjoint adjointe colonel capitaine lieutenant maréchal responsable expert experte analyste
professeur professeure docteur avocat avocate économiste journaliste correspondant correspondante
spécialiste chercheur chercheuse coordinateur coordinatrice médiateur médiatrice rapporteur rapporteure
militant militante opposant opposante entraîneur sélectionneur archevêque évêque cardinal imam rabbin émir
monarque souverain souveraine homologue successeur prédécesseur ex-président ex-ministre premier première haut-commissaire
administrateur administratrice préfet préfète magistrat ayatollah cheikh présidentiable diplomate
médecin praticien chirurgien dr élu élue parlementaire
""".split())

ROLE_FOLDED = frozenset(_fold(r) for r in ROLE_NOUNS)

ORG_NOUNS = {"banque", "journal", "quotidien", "hebdomadaire", "groupe", "etablissement", "societe",
             "entreprise", "agence", "association", "syndicat", "parti", "organisation", "institution",
             "federation", "chaine", "site", "magazine", "mutuelle", "assureur", "constructeur", "firme",
             "radio", "television", "station", "televise", "media", "revue", "enseigne", "blog", "forum"}

THING_NOUNS = {"communique", "texte", "rapport", "document", "decret", "lettre", "message", "courrier",
               "projet", "loi", "decision", "etude", "enquete", "sondage", "version", "gouvernement",
               "ministere", "parquet", "tribunal", "police", "armee", "justice", "presidence", "cabinet",
               "commission", "conseil", "comite", "etat", "pays", "ville", "mairie", "elysee", "opposition",
               "majorite", "famille", "entourage", "defense", "accusation", "direction", "marque"}

GROUP_HEADS = {"responsable", "dirigeant", "source", "expert", "analyste", "diplomate", "observateur",
               "habitant", "manifestant", "syndicat", "enquêteur", "témoin", "militant", "élu",
               "officiel", "autorité", "proche", "membre", "spécialiste", "médecin", "chercheur"}

# Nationalities, masculine singular folded ("belge", "americain"): what a demonym description ("le
# Belge", "l'Américain") or an adjective in one ("l'ancien champion cycliste belge") says of a person.
NATIONALITIES = frozenset(_fold(w) for w in """
français belge suisse luxembourgeois canadien québécois américain mexicain brésilien argentin chilien
colombien vénézuélien péruvien cubain espagnol portugais italien allemand autrichien néerlandais hollandais
britannique anglais écossais irlandais gallois danois suédois norvégien finlandais islandais polonais
tchèque slovaque hongrois roumain bulgare grec turc chypriote serbe croate slovène bosniaque albanais
russe ukrainien biélorusse géorgien arménien azerbaïdjanais kazakh estonien letton lituanien moldave
chinois japonais coréen vietnamien thaïlandais indien pakistanais afghan iranien irakien syrien libanais
israélien palestinien jordanien saoudien égyptien libyen tunisien algérien marocain sénégalais malien
ivoirien camerounais congolais nigérian kényan éthiopien sud-africain australien néo-zélandais tibétain
taïwanais indonésien philippin kosovar qatari émirati yéménite soudanais rwandais burkinabé nigérien
""".split())

# Documents made by inquiry rather than issued by a speaker: no one quoted before them made them.
STUDY_NOUNS = frozenset({"sondage", "etude", "enquete", "bilan"})
DOCUMENT_NOUNS = {"communique", "texte", "rapport", "document", "lettre", "message", "courrier", "arret",
                  "jugement", "ordonnance", "note", "e mail", "mail", "courriel", "tweet", "declaration",
                  "enregistrement", "releve", "bulletin", "avis", "compte rendu", "proces verbal",
                  "recommandation"} | STUDY_NOUNS

# Nouns that designate people without being roles (folded); with ROLE_NOUNS, agent suffixes and
# demonyms they tell a description of a person ("l'ex-otage", "le septuple vainqueur", "le Texan")
# from one of a thing ("la presse colombienne", "l'inspection", "la relation").
PERSON_HEADS = frozenset(_fold(w) for w in """
otage guérillero victime malade patient patiente témoin élève étudiant étudiante enseignant enseignante
auteur écrivain chanteur chanteuse sportif sportive coureur cycliste champion championne joueur joueuse
policier policière gendarme soldat militaire médecin infirmier infirmière prêtre moine religieuse dame
monsieur madame intéressé intéressée interlocuteur interlocutrice compagnon compagne veuve veuf
adolescent adolescente bébé nourrice nounou maman papa oncle tante neveu nièce proche voisin voisine
habitant habitante citoyen citoyenne trader banquier patron patronne numéro lauréat lauréate femme homme
mère père fils fille mari épouse époux enfant ami amie garçon cousin cousine frère sœur parent personne
jeune fillette garçonnet gamin gamine locataire héros héroïne star vedette icône inconnu inconnue
""".split())

# Nouns of an approximate number ("une dizaine de"), with the number they stand for: quantities read
# them as numbers, speakers as a group's count ("une dizaine de délégués … ont-ils souligné").
APPROXIMATE_NUMBERS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                       "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
                       "millier": 1000}

# The months and the days of the week: "le 4 juillet Ingrid Betancourt" is no name modifying a noun.
MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())
WEEKDAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())

# Organisation nouns that designate a news outlet ("le quotidien", "la chaîne"), folded: one the
# article cites is a source, not a topic.
MEDIA_NOUNS = frozenset({"journal", "quotidien", "hebdomadaire", "magazine", "site", "chaine", "radio",
                         "television", "station", "media", "revue", "agence", "blog", "forum"})

# News outlets and agencies the French press cites, folded, without their article ("Les Echos" →
# "echos"): an organisation quoted under one of these names is an outlet that "le quotidien", "le
# journal", "l'agence" can take up.
OUTLETS = frozenset(_fold(w) for w in """
monde|figaro|echos|parisien|aujourd'hui en france|liberation|croix|humanite|equipe|tribune|express|point|
nouvel observateur|nouvel obs|obs|journal du dimanche|jdd|canard enchaine|marianne|mediapart|provence|
ouest-france|sud ouest|voix du nord|progres|depeche du midi|midi libre|nice-matin|dauphine libere|
est republicain|dernieres nouvelles d'alsace|telegramme|20 minutes|metro|challenges|capital|
afp|agence france-presse|reuters|associated press|ap|bloomberg|dow jones|xinhua|chine nouvelle|kyodo|
yonhap|ria novosti|tass|interfax|ansa|dpa|efe|belga|anp|
france info|franceinfo|france inter|france culture|rfi|rtl|europe 1|rmc|bfm|bfmtv|bfm tv|lci|tf1|
france 2|france 3|france 24|france televisions|arte|canal+|m6|tv5monde|radio france|
cctv|bbc|cnn|al jazeera|fox news|nbc|abc|cbs|npr|
new york times|washington post|wall street journal|financial times|guardian|times|daily telegraph|
independent|economist|spiegel|der spiegel|bild|frankfurter allgemeine zeitung|suddeutsche zeitung|
el pais|el mundo|corriere della sera|repubblica|gazzetta dello sport|stampa|soir|libre belgique|temps|
tribune de geneve|gazette|radio suisse romande|rsr|tsr|rts|radio-canada|devoir|presse
""".replace("\n", "").split("|"))
