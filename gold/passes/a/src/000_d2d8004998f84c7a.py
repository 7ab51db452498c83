# Mentions in document order: (mention_id, surface, type, entity_or_value, context_or_None)
# The builder finds each surface as a whole word at or after the end of the previous
# mention; if a context string is given, it first finds the context (at/after the cursor)
# and then the surface inside it.
M = [
 ("m1", "Kim", "PER", "kim_jong_un", "Kim a envoyé"),
 ("m2", "Russie", "LOC", "russia", None),
 ("m3", "2024", "DATE", "2024", None),
 ("m4", "Commission militaire centrale", "ORG", "central_military_commission", None),
 ("m5", "Parti des Travailleurs", "ORG", "workers_party_of_korea", None),
 ("m6", "Corée du Nord", "LOC", "north_korea", None),
 ("m7", "Russie", "LOC", "russia", None),
 ("m8", "2024", "DATE", "2024", None),
 ("m9", "Corée du Nord", "LOC", "north_korea", None),
 ("m10", "Russie", "LOC", "russia", None),
 ("m11", "2024", "DATE", "2024", None),
 ("m12", "Commission militaire centrale", "ORG", "central_military_commission", None),
 ("m13", "Parti des Travailleurs", "ORG", "workers_party_of_korea", None),
 ("m14", "Kim", "PER", "kim_jong_un", None),
 ("m15", "Corée du Nord", "LOC", "north_korea", None),
 ("m16", "Russie", "LOC", "russia", None),
 ("m17", "Commission militaire centrale", "ORG", "central_military_commission", None),
 ("m18", "Parti des Travailleurs", "ORG", "workers_party_of_korea", None),
 ("m19", "Russie", "LOC", "russia", None),
 ("m20", "Pyongyang", "LOC", "pyongyang", None),
 ("m21", "2024", "DATE", "2024", None),
 ("m22", "2024", "DATE", "2024", "Mutuelle de 2024"),
 ("m23", "Corée du Nord", "LOC", "north_korea", None),
 ("m24", "Russie", "LOC", "russia", None),
 ("m25", "2024", "DATE", "2024", None),
 ("m26", "Russie", "LOC", "russia", None),
 ("m27", "Kim", "PER", "kim_jong_un", None),
 ("m28", "Russie", "LOC", "russia", None),
 ("m29", "Parti des Travailleurs", "ORG", "workers_party_of_korea", None),
 ("m30", "Russie", "LOC", "russia", None),
 ("m31", "Corée du Nord", "LOC", "north_korea", None),
 ("m32", "Russie", "LOC", "russia", None),
 ("m33", "ONU", "ORG", "united_nations", None),
 ("m34", "Corée du Nord", "LOC", "north_korea", None),
 ("m35", "Russie", "LOC", "russia", None),
 ("m36", "Pyongyang", "LOC", "pyongyang", None),
]
R = [
 ("part_of", "m4", "m5"),
 ("allied_with", "m6", "m7"),       # traité ... signé entre la Corée du Nord et la Russie
 ("deployed_to", "m9", "m10"),      # La Corée du Nord a ... confirmé le déploiement de ses troupes ... en Russie
 ("allied_with", "m9", "m10"),      # ... autorisé par un traité ... signé entre les deux nations
 ("part_of", "m12", "m13"),
 ("part_of", "m17", "m18"),
 ("allied_with", "m23", "m24"),     # traité ... signé par la Corée du Nord et la Russie
 ("allied_with", "m31", "m32"),     # l'axe entre la Corée du Nord et la Russie
]
