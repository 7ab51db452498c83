M = [
 ("m1", "juin", "DATE", "XXXX-06", None),
 ("m2", "Kim Jong Un", "PER", "kim_jong_un", None),
 ("m3", "Vladimir Poutine", "PER", "vladimir_putin", None),
 ("m4", "Hong Min", "PER", "hong_min", None),
 ("m5", "Institut coréen pour la réunification nationale", "ORG", "korea_institute_for_national_unification", None),
 ("m6", "Corée du Nord", "LOC", "north_korea", None),
 ("m7", "Pyongyang", "LOC", "pyongyang", None),
 ("m8", "Moscou", "LOC", "moscow", None),
 ("m9", "Russie", "LOC", "russia", None),
 ("m10", "Kim Jong Un", "PER", "kim_jong_un", None),
 ("m11", "Moscou", "LOC", "moscow", None),
 ("m12", "États-Unis", "LOC", "united_states", None),
 ("m13", "Corée du Sud", "LOC", "south_korea", None),
 ("m14", "Hong Min", "PER", "hong_min", None),
 ("m15", "vendredi", "DATE", "XXXX-WXX-5", None),
 ("m16", "Kim Jong Un", "PER", "kim_jong_un", None),
 ("m17", "Lee Sang-min", "PER", "lee_sang_min", None),
 ("m18", "Institut coréen d’analyse de la défense", "ORG", "korea_institute_for_defense_analyses", None),
 ("m19", "Ukraine", "LOC", "ukraine", None),
 ("m20", "Russie", "LOC", "russia", None),
 ("m21", "Russie", "LOC", "russia", None),
 ("m22", "Russie", "LOC", "russia", None),
 ("m23", "Vladimir Tikhonov", "PER", "vladimir_tikhonov", None),
 ("m24", "université d’Oslo", "ORG", "university_of_oslo", None),
 ("m25", "Russie", "LOC", "russia", None),
 ("m26", "Corée du Nord", "LOC", "north_korea", None),
 ("m27", "Pyongyang", "LOC", "pyongyang", None),
 ("m28", "Ukraine", "LOC", "ukraine", None),
 ("m29", "Corée du Nord", "LOC", "north_korea", None),
 ("m30", "Pékin", "LOC", "beijing", None),
]
R = [
 ("allied_with", "m2", "m3"),        # accord militaire signé ... entre ... Kim Jong Un et ... Vladimir Poutine
 ("affiliated_with", "m4", "m5"),    # Hong Min, analyste à l'Institut coréen pour la réunification nationale
 ("allied_with", "m10", "m11"),      # Kim Jong Un ... consolider une alliance avec Moscou
 ("allied_with", "m12", "m13"),      # accords de défense entre les États-Unis et la Corée du Sud
 ("affiliated_with", "m17", "m18"),  # Lee Sang-min, chercheur à l'Institut coréen d'analyse de la défense
 ("affiliated_with", "m23", "m24"),  # Vladimir Tikhonov, professeur ... à l'université d'Oslo
 ("allied_with", "m29", "m30"),      # la Corée du Nord ... son allié traditionnel, Pékin
]
