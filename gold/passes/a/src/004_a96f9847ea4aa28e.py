M = [
 ("m1", "Russafrik", "ORG", "russafrik", None),
 ("m2", "RUSSIE INFOS", "ORG", "russie_infos", None),
 ("m3", "Kim Jong Un", "PER", "kim_jong_un", None),
 ("m4", "Moscou", "LOC", "moscow", None),
 ("m5", "République Populaire Démocratique de Corée", "LOC", "north_korea", None),
 ("m6", "Kim Jong Un", "PER", "kim_jong_un", None),
 ("m7", "Fédération de Russie", "LOC", "russia", None),
 ("m8", "Ukraine", "LOC", "ukraine", None),
 ("m9", "Pyongyang", "LOC", "pyongyang", None),
 ("m10", "Sergei Lavrov", "PER", "sergei_lavrov", None),
 ("m11", "KCNA", "ORG", "kcna", None),
 ("m12", "Kim", "PER", "kim_jong_un", None),
 ("m13", "Moscou", "LOC", "moscow", None),
 ("m14", "11 000", "QUANTITY", "11000", None),
 ("m15", "Moscou", "LOC", "moscow", None),
 ("m16", "Pyongyang", "LOC", "pyongyang", None),
 ("m17", "États-Unis", "LOC", "united_states", None),
 ("m18", "Donald Trump", "PER", "donald_trump", None),
 ("m19", "Ukraine", "LOC", "ukraine", None),
 ("m20", "2023", "DATE", "2023", None),
 ("m21", "Russie", "LOC", "russia", None),
 ("m22", "Corée du Nord", "LOC", "north_korea", None),
 ("m23", "Nations unies", "ORG", "united_nations", None),
 ("m24", "Conseil de sécurité", "ORG", "un_security_council", None),
 ("m25", "Pyongyang", "LOC", "pyongyang", None),
 ("m26", "Moscou", "LOC", "moscow", None),
 ("m27", "Gérard Stéphane", "PER", "gerard_stephane", None),
 ("m28", "Europe", "LOC", "europe", None),
 ("m29", "West", "LOC", "west", None),
 ("m30", "Washington", "LOC", "washington", None),
 ("m31", "Chine", "LOC", "china", None),
 ("m32", "Russie", "LOC", "russia", None),
 ("m33", "Vladimir Poutine", "PER", "vladimir_putin", None),
 ("m34", "Pékin", "LOC", "beijing", None),
 ("m35", "Ukraine", "LOC", "ukraine", None),
 ("m36", "Russie", "LOC", "russia", None),
 ("m37", "Poutine", "PER", "vladimir_putin", None),
]
R = [
 ("allied_with", "m3", "m4"),    # Kim Jong Un Scelle son Alliance avec Moscou
 ("leader_of", "m6", "m5"),      # Le dirigeant suprême de la RPDC, Kim Jong Un
 ("leader_of", "m18", "m17"),    # le président des États-Unis, Donald Trump
 ("allied_with", "m21", "m22"),  # pacte de défense mutuelle entre la Russie et la Corée du Nord
 ("allied_with", "m25", "m26"),  # partenariat militaire entre Pyongyang et Moscou
]
