M = [
 ("m1", "webradio media", "ORG", "webradio_media", None),
 ("m2", "Russie", "LOC", "russia", "Russie-Corée"),
 ("m3", "Corée du Nord", "LOC", "north_korea", None),
 ("m4", "Kim Jong-un", "PER", "kim_jong_un", None),
 ("m5", "Poutine", "PER", "vladimir_putin", None),
 ("m6", "Russie", "LOC", "russia", None),
 ("m7", "Corée du Nord", "LOC", "north_korea", None),
 ("m8", "Corée du Nord", "LOC", "north_korea", None),
 ("m9", "Russie", "LOC", "russia", None),
 ("m10", "Russie", "LOC", "russia", None),
 ("m11", "Ukraine", "LOC", "ukraine", None),
 ("m12", "Kim Jong-un", "PER", "kim_jong_un", None),
 ("m13", "11 novembre", "DATE", "XXXX-11-11", None),
 ("m14", "Vladimir Poutine", "PER", "vladimir_putin", None),
 ("m15", "KCNA", "ORG", "kcna", None),
 ("m16", "Pyongyang", "LOC", "pyongyang", None),
 ("m17", "Moscou", "LOC", "moscow", None),
 ("m18", "États-Unis", "LOC", "united_states", None),
 ("m19", "Poutine", "PER", "vladimir_putin", None),
 ("m20", "Pyongyang", "LOC", "pyongyang", None),
 ("m21", "juin dernier", "DATE", "XXXX-06", None),
 ("m22", "Ukraine", "LOC", "ukraine", None),
 ("m23", "2022", "DATE", "2022", None),
 ("m24", "Kiev", "LOC", "kyiv", None),
 ("m25", "11'000", "QUANTITY", "11000", None),
 ("m26", "Russie", "LOC", "russia", None),
 ("m27", "Koursk", "LOC", "kursk", None),
 ("m28", "Kremlin", "ORG", "kremlin", None),
 ("m29", "Occident", "LOC", "west", None),
 ("m30", "Nations Unies", "ORG", "united_nations", None),
 ("m31", "Choe Son-hui", "PER", "choe_son_hui", None),
 ("m32", "Choe Son-hui", "PER", "choe_son_hui", None),
 ("m33", "Moscou", "LOC", "moscow", None),
 ("m34", "Russie", "LOC", "russia", None),
 ("m35", "Ukraine", "LOC", "ukraine", None),
 ("m36", "Vladimir Poutine", "PER", "vladimir_putin", None),
 ("m37", "Corée du Nord", "LOC", "north_korea", None),
 ("m38", "Russie", "LOC", "russia", None),
 ("m39", "Asie", "LOC", "asia", None),
]
R = [
 ("allied_with", "m2", "m3"),    # Pacte de défense Russie-Corée du Nord ratifié
 ("allied_with", "m4", "m5"),    # Kim Jong-un et Poutine signent un traité
 ("allied_with", "m6", "m7"),    # headline repeated
 ("allied_with", "m8", "m9"),    # la Corée du Nord a ratifié un traité de défense avec la Russie
 ("allied_with", "m12", "m14"),  # décret signé par Kim Jong-un ... ratification similaire par ... Vladimir Poutine
 ("allied_with", "m16", "m17"),  # cet accord ... renforcer les liens entre Pyongyang et Moscou
 ("allied_with", "m37", "m38"),  # Cet accord de défense entre la Corée du Nord et la Russie
]
