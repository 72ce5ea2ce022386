"""Posts held during the talks (§4 roles), keyed by (person slug, organization name, post).

Dates are given only where the facts file states them; a blank start or end means "not
established here", not "always".
"""

from positions.istanbul.base import day, refs

NOT_DATED = "Held during the 2025 talks; start and end dates not established in these sources."


def post(
    person,
    organization,
    title,
    *,
    sources,
    start=None,
    start_precision="day",
    ended_date_unknown=False,
    note=NOT_DATED,
    confidence="confirmed",
    confidence_note="",
):
    return {
        "person": person,
        "organization": organization,
        "post": title,
        "start_on": day(start) if start else None,
        "start_precision": start_precision,
        "ended_date_unknown": ended_date_unknown,
        "note": note,
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": confidence_note,
    }


UA_GS = "General Staff of the Armed Forces of Ukraine"
RU_MFA = "Ministry of Foreign Affairs of Russia"
KREMLIN = "Presidential Executive Office of Russia"

MEMBERSHIPS = [
    post(
        "rustem-umerov",
        "Ministry of Defence of Ukraine",
        "Minister of Defence",
        sources="S13 S25 SEED",
        ended_date_unknown=True,
        note="Minister of Defence at rounds 1 and 2 (decrees 306/2025 and 359/2025; the seed "
        "article of 2 June). The post ended by 22 July 2025, when decree 539/2025 named him "
        "NSDC Secretary; the exact end date is not established in these sources.",
    ),
    post(
        "rustem-umerov",
        "National Security and Defence Council of Ukraine",
        "Secretary of the National Security and Defence Council",
        sources="S72 S76 S86",
        start="2025-07-01",
        start_precision="month",
        note="Exact date not established; known by decree 539/2025 (22 July 2025).",
        confidence_note="The start is given to the month only: the sources show he held the post "
        "by 22 July 2025.",
    ),
    post(
        "serhiy-kyslytsia",
        "Ministry of Foreign Affairs of Ukraine",
        "First Deputy Minister of Foreign Affairs",
        sources="S13 S72",
    ),
    post("oleksandr-poklad", "Security Service of Ukraine", "Deputy Head", sources="S13 S72"),
    post(
        "oleh-luhovskyi",
        "Foreign Intelligence Service of Ukraine",
        "First Deputy Head",
        sources="S13 S72",
    ),
    post("vadym-skibitskyi", "Defence Intelligence of Ukraine", "Deputy Chief", sources="S13 S72"),
    post("oleksiy-shevchenko", UA_GS, "Deputy Chief of the General Staff", sources="S13 S73"),
    post(
        "yevhen-shynkarev", "Air Force Command of Ukraine", "Deputy Chief of Staff", sources="S13"
    ),
    post("oleksandr-diakov", "Navy Command of Ukraine", "Deputy Chief of Staff", sources="S13 S72"),
    post(
        "oleksiy-malovatskyi",
        UA_GS,
        "Head, International and Operational Law Department, Central Legal Directorate",
        sources="S13",
    ),
    post(
        "oleksandr-sherikhov",
        UA_GS,
        "Senior officer, Main Operational Directorate",
        sources="S13 S73",
    ),
    post(
        "oleksandr-bevz",
        "Office of the President of Ukraine",
        "Adviser to the Head of the Office of the President",
        sources="S13 S72",
    ),
    post(
        "yuriy-kovbasa",
        "Verkhovna Rada Commissioner for Human Rights",
        "Representative of the Commissioner in the security and defence sector",
        sources="S29 S30",
    ),
    post("yevhenii-ostrianskyi", UA_GS, "Deputy Chief of the General Staff", sources="S29 S30"),
    post(
        "andrii-fomin",
        UA_GS,
        "Deputy head, Legal Directorate (reported)",
        sources="S30 S54",
        confidence="uncertain",
        confidence_note="Reported by S30 and S54 only.",
    ),
    post(
        "vladimir-medinsky",
        KREMLIN,
        "Aide to the President of Russia",
        sources="S11 S12 S54",
    ),
    post("mikhail-galuzin", RU_MFA, "Deputy Minister of Foreign Affairs", sources="S11 S12"),
    post(
        "igor-kostyukov",
        "Main Directorate of the General Staff of Russia",
        "Head",
        sources="S11 S12",
    ),
    post(
        "alexander-fomin",
        "Ministry of Defence of Russia",
        "Deputy Minister of Defence",
        sources="S11 S12",
    ),
    post(
        "alexander-zorin",
        "General Staff of the Armed Forces of Russia",
        "First Deputy Head of an information directorate (wording varies by source)",
        sources="S11 S12 S58",
    ),
    post(
        "elena-podobreevskaya",
        KREMLIN,
        "Deputy Head, Presidential Directorate for State Policy in the Humanitarian Sphere",
        sources="S11 S12",
    ),
    post("alexey-polishchuk", RU_MFA, "Director, Second CIS Department", sources="S11 S12"),
    post(
        "shevtsov",
        "Ministry of Defence of Russia",
        "Deputy Head, Main Directorate of International Military Cooperation",
        sources="S11 S12",
    ),
    post(
        "hakan-fidan",
        "Ministry of Foreign Affairs of Türkiye",
        "Minister of Foreign Affairs",
        sources="S4 S7",
    ),
    post(
        "ibrahim-kalin", "National Intelligence Organization of Türkiye", "Head", sources="S18 S33"
    ),
    post("recep-tayyip-erdogan", "Türkiye", "President", sources="S16 S77"),
    post("akif-cagatay-kilic", "Türkiye", "Senior adviser to the President", sources="S66 S77"),
    post(
        "metin-gurak",
        "Turkish General Staff",
        "Chief of the General Staff",
        sources="S34",
        confidence="uncertain",
        confidence_note="Only S34 (weak) names him in this role at round 2.",
    ),
    post("volodymyr-zelensky", "Ukraine", "President", sources="S13 S16"),
    post("vladimir-putin", "Russian Federation", "President", sources="S12 S20"),
    post("sergey-lavrov", RU_MFA, "Minister of Foreign Affairs", sources="S26 S27"),
    post(
        "dmitry-peskov",
        KREMLIN,
        "Press Secretary of the President",
        sources="S71",
        confidence="single_source",
    ),
    post(
        "andriy-yermak", "Office of the President of Ukraine", "Head of the Office", sources="S7 S9"
    ),
    post(
        "andrii-sybiha",
        "Ministry of Foreign Affairs of Ukraine",
        "Minister of Foreign Affairs",
        sources="S7 S9",
    ),
    post("vasyl-malyuk", "Security Service of Ukraine", "Head", sources="S16 S17"),
    post("andriy-hnatov", UA_GS, "Chief of the General Staff", sources="S16 S17"),
    post(
        "dmytro-lubinets",
        "Verkhovna Rada Commissioner for Human Rights",
        "Commissioner for Human Rights",
        sources="S53",
        confidence="single_source",
    ),
    post(
        "heorhii-tykhyi",
        "Ministry of Foreign Affairs of Ukraine",
        "Spokesperson",
        sources="S68",
        confidence="single_source",
    ),
    post("donald-trump", "United States", "President", sources="SEED"),
    post("marco-rubio", "United States", "Secretary of State", sources="S7 S8"),
    post("tom-barrack", "United States", "Ambassador to Türkiye", sources="S7 S8"),
    post("keith-kellogg", "United States", "Special Envoy", sources="S7 S9"),
    post("jonathan-powell", "United Kingdom", "National Security Adviser", sources="S9 S10"),
    post("emmanuel-bonne", "France", "Diplomatic adviser to the President", sources="S9 S10"),
    post(
        "gunther-sautter",
        "Germany",
        "Foreign and security policy adviser to the Chancellor",
        sources="S9 S10",
    ),
]
