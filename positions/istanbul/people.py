"""People named in the facts file (§0–§6) and in the seed article, keyed by slug.

Aliases carry every transliteration of §8 so search finds "Umierov" or "Kislitsa".
Biographies are short and say where each statement comes from; the seed article is "SEED".
"""

from positions.istanbul.base import refs


def person(
    slug, name, *, native="", aliases="", bio="", sources="", confidence="confirmed", note=""
):
    return {
        "slug": slug,
        "name": name,
        "native_name": native,
        "aliases": aliases,
        "biography": bio,
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": note,
    }


PEOPLE = [
    # Ukraine's delegation (§4).
    person(
        "rustem-umerov",
        "Rustem Umerov",
        native="Рустем Умєров",
        aliases="Umierov\nUmyerov\nUmerow\nУмєров\nУмеров",
        bio="Head of Ukraine's delegation in all three rounds: Minister of Defence in rounds 1 "
        "and 2, Secretary of the National Security and Defence Council by round 3 (decree "
        "539/2025). The seed article describes him as seen as pragmatic but facing domestic "
        "scrutiny over alleged misconduct (SEED).",
        sources="S13 S25 S72 SEED",
    ),
    person(
        "serhiy-kyslytsia",
        "Serhiy Kyslytsia",
        native="Сергій Кислиця",
        aliases="Kyslytsya\nKislitsa\nSergiy Kyslytsya\nКислиця",
        bio="First Deputy Foreign Minister of Ukraine; member of the delegation in all three rounds.",
        sources="S13 S93 S72",
    ),
    person(
        "oleksandr-poklad",
        "Oleksandr Poklad",
        native="Олександр Поклад",
        bio="Deputy Head of the SBU; member of the delegation in all three rounds.",
        sources="S13 S103 S72",
    ),
    person(
        "oleh-luhovskyi",
        "Oleh Luhovskyi",
        native="Олег Луговський",
        aliases="Lugovskoy\nLuhovskyy\nЛуговський",
        bio="First Deputy Head of the Foreign Intelligence Service of Ukraine; member of the "
        "delegation in all three rounds.",
        sources="S13 S93 S72",
    ),
    person(
        "vadym-skibitskyi",
        "Vadym Skibitskyi",
        native="Вадим Скібіцький",
        aliases="Skibitsky",
        bio="Deputy Chief of Defence Intelligence (HUR); member of the delegation in all three rounds.",
        sources="S13 S37 S72",
    ),
    person(
        "oleksiy-shevchenko",
        "Oleksiy Shevchenko",
        native="Олексій Шевченко",
        bio="Deputy Chief of the General Staff of Ukraine; member of the delegation.",
        sources="S13 S73",
    ),
    person(
        "yevhen-shynkarev",
        "Yevhen Shynkarev",
        bio="Deputy Chief of Staff, Air Force Command of Ukraine; member of the delegation.",
        sources="S13 S74",
    ),
    person(
        "oleksandr-diakov",
        "Oleksandr Diakov",
        bio="Deputy Chief of Staff, Navy Command of Ukraine; member of the delegation in all three rounds.",
        sources="S13 S93 S72",
    ),
    person(
        "oleksiy-malovatskyi",
        "Oleksiy Malovatskyi",
        bio="Head of the International and Operational Law Department, Central Legal Directorate "
        "of the General Staff; member of the delegation in round 1, removed by decree 359/2025.",
        sources="S13 S29 S30",
    ),
    person(
        "oleksandr-sherikhov",
        "Oleksandr Sherikhov",
        bio="Senior officer, Main Operational Directorate of the General Staff; member of the delegation.",
        sources="S13 S73",
    ),
    person(
        "heorhiy-kuzmychov",
        "Heorhiy Kuzmychov",
        native="Георгій Кузьмичов",
        aliases="Kuzmichev\nKuzmychev\nКузьмичов",
        bio="Protocol officer in the office of the Commander-in-Chief; member of the delegation.",
        sources="S13 S93 S74",
    ),
    person(
        "oleksandr-bevz",
        "Oleksandr Bevz",
        native="Олександр Бевз",
        bio="Adviser to the Head of the Office of the President of Ukraine; member of the "
        "delegation in all three rounds.",
        sources="S13 S31 S72",
    ),
    person(
        "yuriy-kovbasa",
        "Yuriy Kovbasa",
        native="Юрій Ковбаса",
        bio="Representative of the Verkhovna Rada Commissioner for Human Rights in the security "
        "and defence sector; member of the delegation from round 2.",
        sources="S29 S30 S72",
    ),
    person(
        "yevhenii-ostrianskyi",
        "Yevhenii Ostrianskyi",
        bio="Deputy Chief of the General Staff of Ukraine; member of the delegation from round 2.",
        sources="S29 S30 S72",
    ),
    person(
        "andrii-fomin",
        "Andrii Fomin",
        native="Андрій Фомін",
        bio="Reported as deputy head of the General Staff's Legal Directorate; reported member of "
        "the delegation at round 2.",
        sources="S30 S54",
        confidence="uncertain",
        note="Named by S30 and S54 only; consistent with the 14-member count of decree 359/2025.",
    ),
    # Russia's delegation (§4).
    person(
        "vladimir-medinsky",
        "Vladimir Medinsky",
        native="Владимир Мединский",
        aliases="Medinskiy\nMediński\nMedinskii\nМединский",
        bio="Aide to the President of Russia; head of Russia's delegation in all three rounds. "
        "He also led Russia's 2022 Istanbul delegation (S11, S12). The seed article calls him a "
        "close Putin ally and nationalist ideologue who led the failed negotiations in 2022 (SEED).",
        sources="S11 S12 S54 S76 SEED",
    ),
    person(
        "mikhail-galuzin",
        "Mikhail Galuzin",
        native="Михаил Галузин",
        bio="Deputy Foreign Minister of Russia; member of the delegation in all three rounds.",
        sources="S11 S12 S76",
    ),
    person(
        "igor-kostyukov",
        "Igor Kostyukov",
        native="Игорь Костюков",
        bio="Head of the Main Directorate of the General Staff (GRU); member of the delegation in "
        "all three rounds.",
        sources="S11 S12 S76",
    ),
    person(
        "alexander-fomin",
        "Alexander Fomin",
        native="Александр Фомин",
        bio="Deputy Defence Minister of Russia; member of the delegation in all three rounds.",
        sources="S11 S12 S76",
    ),
    person(
        "alexander-zorin",
        "Alexander Zorin",
        native="Александр Зорин",
        bio="Expert in Russia's round-1 delegation: First Deputy Head of an information "
        "directorate of the General Staff (wording varies by source). Spoke for the 'Russian "
        "negotiating group' on 6 June as Lt. Gen.",
        sources="S11 S12 S58",
    ),
    person(
        "elena-podobreevskaya",
        "Elena Podobreevskaya",
        native="Елена Подобреевская",
        bio="Expert in Russia's round-1 delegation: Deputy Head of the Presidential Directorate "
        "for State Policy in the Humanitarian Sphere.",
        sources="S11 S12",
    ),
    person(
        "alexey-polishchuk",
        "Alexey Polishchuk",
        native="Алексей Полищук",
        bio="Expert in Russia's round-1 delegation: Director of the Second CIS Department, MFA.",
        sources="S11 S12",
    ),
    person(
        "shevtsov",
        "Shevtsov",
        native="Шевцов",
        aliases="Viktor Shevtsov\nVladimir Shevtsov",
        bio="Expert in Russia's round-1 delegation: Deputy Head of the Main Directorate of "
        "International Military Cooperation, MoD. First name given as Viktor (S12, VZ/Kremlin "
        "list) and as Vladimir (S11, Interbellum).",
        sources="S11 S12",
        confidence="contested",
        note="First name conflicts: 'Viktor' (S12) vs 'Vladimir' (S11).",
    ),
    # Turkish hosts (§4 "Mediators, hosts and partners").
    person(
        "hakan-fidan",
        "Hakan Fidan",
        native="Hakan Fidan",
        bio="Foreign Minister of Türkiye. Chaired or opened all three rounds and chaired the "
        "16 May Türkiye–US–Ukraine trilateral; on 30 May, in Kyiv, proposed a leaders' summit of "
        "Trump, Putin and Zelensky under Erdoğan.",
        sources="S4 S7 S54 S86 S90 X1",
    ),
    person(
        "ibrahim-kalin",
        "İbrahim Kalın",
        native="İbrahim Kalın",
        aliases="Ibrahim Kalin\nKalin",
        bio="Head of Türkiye's National Intelligence Organization (MİT). Present in rounds 1 and "
        "2; in round 3 'the head of intelligence' was present per a Turkish official.",
        sources="S18 S33 S76",
    ),
    person(
        "recep-tayyip-erdogan",
        "Recep Tayyip Erdoğan",
        native="Recep Tayyip Erdoğan",
        aliases="Erdogan",
        bio="President of Türkiye. Met Zelensky in Ankara on 15 May and the Ukrainian delegation "
        "before round 3; offered to host a leaders' meeting.",
        sources="S16 S45 S77",
    ),
    person(
        "akif-cagatay-kilic",
        "Akif Çağatay Kılıç",
        native="Akif Çağatay Kılıç",
        aliases="Akif Cagatay Kilic",
        bio="Senior adviser to President Erdoğan; met the Ukrainian delegation before round 3.",
        sources="S66 S77",
    ),
    person(
        "metin-gurak",
        "Metin Gürak",
        native="Metin Gürak",
        aliases="Metin Gurak",
        bio="Chief of the Turkish General Staff; one weak source places him at round 2.",
        sources="S34",
        confidence="uncertain",
        note="Only S34 (weak) names him at round 2.",
    ),
    # Leaders and officials (§0–§3, §6, seed article).
    person(
        "volodymyr-zelensky",
        "Volodymyr Zelensky",
        native="Володимир Зеленський",
        aliases="Zelenskyy\nZelenskyi\nZelenskiy\nЗеленский",
        bio="President of Ukraine.",
        sources="S13 S16 SEED",
    ),
    person(
        "vladimir-putin",
        "Vladimir Putin",
        native="Владимир Путин",
        bio="President of Russia.",
        sources="S12 S20 SEED",
    ),
    person(
        "sergey-lavrov",
        "Sergey Lavrov",
        native="Сергей Лавров",
        aliases="Sergei Lavrov",
        bio="Foreign Minister of Russia; proposed the 2 June round on 28 May.",
        sources="S26 S27",
    ),
    person(
        "dmitry-peskov",
        "Dmitry Peskov",
        native="Дмитрий Песков",
        bio="Kremlin spokesman; on 25 July called the draft memoranda 'diametrically opposed'.",
        sources="S71",
        confidence="single_source",
    ),
    person(
        "andriy-yermak",
        "Andriy Yermak",
        native="Андрій Єрмак",
        aliases="Andrii Yermak\nYermak\nЄрмак",
        bio="Head of the Office of the President of Ukraine; in Istanbul on 16 May for the "
        "trilateral and consultations.",
        sources="S7 S9 S78",
    ),
    person(
        "andrii-sybiha",
        "Andrii Sybiha",
        native="Андрій Сибіга",
        aliases="Andriy Sybiha\nSybiga",
        bio="Foreign Minister of Ukraine; in Istanbul on 16 May for the trilateral and consultations.",
        sources="S7 S9",
    ),
    person(
        "vasyl-malyuk",
        "Vasyl Malyuk",
        native="Василь Малюк",
        aliases="Maliuk\nMalyuk",
        bio="Head of the SBU; did not go to Istanbul on 15–16 May.",
        sources="S16 S17",
    ),
    person(
        "andriy-hnatov",
        "Andriy Hnatov",
        native="Андрій Гнатов",
        aliases="Gnatov\nAndrii Hnatov",
        bio="Chief of the General Staff of Ukraine; did not go to Istanbul on 15–16 May.",
        sources="S16 S17",
    ),
    person(
        "dmytro-lubinets",
        "Dmytro Lubinets",
        native="Дмитро Лубінець",
        aliases="Lubynets",
        bio="Verkhovna Rada Commissioner for Human Rights; spoke on the list of 339 children.",
        sources="S53",
        confidence="single_source",
    ),
    person(
        "heorhii-tykhyi",
        "Heorhii Tykhyi",
        native="Георгій Тихий",
        aliases="Tykhyi\nTykhy\nGeorgiy Tikhiy",
        bio="Spokesman of Ukraine's Foreign Ministry; commented on round 3 (a humanitarian pause "
        "is not a ceasefire; a calmer atmosphere).",
        sources="S68",
        confidence="single_source",
    ),
    person(
        "dmytro-khyliuk",
        "Dmytro Khyliuk",
        native="Дмитро Хилюк",
        aliases="Khyliuk",
        bio="UNIAN journalist returned to Ukraine in the 24 August exchange.",
        sources="S80 S81",
    ),
    # United States (§0, §4).
    person(
        "donald-trump", "Donald Trump", bio="President of the United States.", sources="SEED S69"
    ),
    person(
        "marco-rubio",
        "Marco Rubio",
        bio="US Secretary of State; at the 16 May trilateral; spoke to Fidan by phone on 3 June.",
        sources="S7 S8 S38",
    ),
    person(
        "tom-barrack",
        "Tom Barrack",
        bio="US Ambassador to Türkiye; at the 16 May trilateral.",
        sources="S7 S8",
    ),
    person(
        "keith-kellogg",
        "Keith Kellogg",
        bio="US Special Envoy; at the 16 May trilateral and coordination meeting.",
        sources="S7 S9 S32",
    ),
    # European advisers (§0, §4, §7.9).
    person(
        "jonathan-powell",
        "Jonathan Powell",
        bio="UK National Security Adviser; coordinated with Ukraine's leadership in Istanbul on "
        "16 May; not at the Russia–Ukraine table (AFP).",
        sources="S9 S10",
    ),
    person(
        "emmanuel-bonne",
        "Emmanuel Bonne",
        bio="Diplomatic adviser to the French President; coordinated with Ukraine's leadership in "
        "Istanbul on 16 May; not at the Russia–Ukraine table (AFP).",
        sources="S9 S10",
    ),
    person(
        "gunther-sautter",
        "Günther Sautter",
        aliases="Guenther Sautter\nGunther Sautter",
        bio="Foreign and security policy adviser to the German Chancellor; coordinated with "
        "Ukraine's leadership in Istanbul on 16 May; not at the Russia–Ukraine table (AFP).",
        sources="S9 S10",
    ),
]
