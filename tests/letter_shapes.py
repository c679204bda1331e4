"""Answer sets in the shapes people really type, for the letters' population test.

Each generator draws a whole session's answers from lists of shapes that break a naive join:
names with titles, particles, two first names or family name first; roles typed with their
article or noun, in the plural, in Spanish of either gender; details that are a phrase, a
whole sentence, about the reader in the third person or a single describing word; what people
look for and are known for in every shape; every channel; every state of the feedback (heard,
asked, not yet; in the thank-you, apart, not at all); blanks wherever a question may be
skipped; and contacts of every kind. The shapes are the ones named in issue 21, and more of
the same kind: the checker must find nothing in any draft made from them.
"""

from __future__ import annotations

import random
from typing import Any

CHANNELS = ["phone", "video", "email", "in_person", "voicemail", "message"]
CALLS = {"phone", "video", "in_person"}
RELATIONS = ["head_hunter", "former_manager", "former_colleague", "friend", "other"]
CONTACT_CHANNELS = ["email", "linkedin", "phone", "coffee", "other"]

SHAPES: dict[str, dict[str, list[Any]]] = {
    "en": {
        "company": [
            "Globex",
            "Acme Corp.",
            "Société Générale",
            "Lumen Health",
            "3M",
            "X",
            "University of Westbrook, Dept. of Statistics",
            "Institute for Fiscal Studies",
            "Veridian Software (through Harrow Search)",
        ],
        "role": [
            "Data Engineer",
            "the Platform Engineer position",
            "a Staff Designer",
            "Data Analysts",
            "Senior Product Manager role",
            "SRE",
            "engineer",
            "Head of Growth",
            "VP, Engineering",
            "data analyst (contract)",
            "Software Engineer II",
            "The UX Researcher job",
            "an Account Executive",
            "the backend job",
            "teaching assistant positions",
            "Site Reliability Engineer.",
            "junior dev",
            "Research Scientist, NLP",
            "customer sucess manager",
            "Senior Enigneer",
        ],
        "messenger_name": [
            ("Dana Smith", None),
            ("dana", None),
            ("Dr. Kim Park", None),
            ("Mary Ann Lee", None),
            ("Gabriel García Márquez", "Gabriel"),
            ("李华", "李华"),
            ("the recruiting team", "recruiting team"),
            ("Jean-Luc Picard", None),
            ("Prof. Ada Lovelace", None),
            ("Ms. Sarah O'Connor", None),
            ("the hiring panel", None),
            ("Talent Acquisition Team", "Talent Acquisition Team"),
            ("Zhang Wei", "Wei"),
            ("ashley k.", "Ashley"),
        ],
        "thank_detail": [
            "",
            "the detailed feedback",
            "The honest notes",
            "walking me through the panel's thinking",
            "He called me back himself",
            "his patience with my questions",
            "for taking the time to explain",
            "Thank you for the tour of the office",
            "she was so kind about it",
            "I learned a lot",
            "patient",
            "explaining the decision so clearly.",
            "the feedback on my system design, which was really useful",
            "Their quick reply",
            "being so open with me",
            "the time you took",
            "She was really kind and gave me tips.",
            "taking the time to tell me himself",
            "letting me know instead of just ghosting me",
            "Being straight with me about where I stood.",
            "calling personally instead of just sending an email",
            "the call itself",
        ],
        "reasons": ["", "Another candidate had more Spark", "They wanted more leadership."],
        "looking_for": [
            "",
            "senior backend roles in fintech",
            "UX",
            "a data engineering role",
            "Data Engineer",
            "an product Lead",
            "Product Lead",
            "something remote",
            "Data Analysts",
            "roles in climate tech",
            "a role as a UX",
            "The next step as an engineering manager",
            "sous chef or senior CDP in a busy kitchen",
            "Head of Growth / VP Marketing at a Series A-B startup",
            "Applied scientist or research engineer roles where I ship NLP models to production.",
            "staff accountant or senior accountant, hybrid",
            "backend roles (python/go), remote ok",
            "Family NP position, outpatient, within 30 min of home",
            "entry level data analyst jobs",
            "Operations management in logistics or manufacturing. Open to relocating.",
            "customer sucess manager",
        ],
        "known_for": [
            "",
            "making slow pipelines fast",
            "patient",
            "I make teams ship",
            "calm, clear incident handling",
            "being calm under pressure",
            "Turning vague ideas into shipped features.",
            "reliable and thorough",
            "my work on the payments ledger",
        ],
        "contact_name": ["Priya Patel", "tom", "Dr. Sam Okafor", "María José Pérez", "Jo"],
        # What they want to ask a contact, as people type it (the tenth to twelfth panels).
        "request": [
            "",
            "Could I shadow your budget meetings?",
            "referral for battery roles at Ather?",
            "any supervisor jobs going at yours",
            "Any referrals at ur company?",
            "review my CV",
            "if you could be a referee for me",
            "Sir, could you suggest anyone in sterile manufacturing?",
            "Ask whether his airport is planning succession for the VP Operations role",
            "reference + does he know anyone at the co-op",
            "Referee? + any senior roles going at DCJ.",
            "would you be open to a call about the seagrass data and a joint paper?",
            "do you know anyone looking for a chef de cuisine",
            "Need to vent, then need help with the resume.",
            "I'm interested in senior roles, Chicago or remote.",
        ],
        "your_name": [
            "Alex Doe",
            "alex",
            "Sam O'Neill",
            'Robert "Bob" Hensley',
            "Maria Santos, FNP-C",
            "Dr. Amara Nwosu",
        ],
    },
    "es": {
        "company": [
            "Globex",
            "Telefónica",
            "Banco Sur S.A.",
            "Acme",
            "Hospital San Rafael",
            "Universidad de los Andes",
            "Clínica Alemana",
        ],
        "role": [
            "Analista de Datos",
            "la vacante de Ingeniera de Datos",
            "un puesto de diseñador",
            "Directora de Producto",
            "analistas",
            "el puesto de Jefa de Proyecto",
            "Ingeniero Backend",
            "Product Manager",
            "la plaza de Desarrolladora",
            "Técnico de marketing digital.",
            "puesto de enfermera",
            "desarrollador fullstack sr",
            "Tecnico de marketing",
            "desarollador backend",
        ],
        "messenger_name": [
            ("Lucía Gómez", None),
            ("Dra. María José Ruiz", "Dra. Ruiz"),
            ("Sr. Pedro Pérez López", "Sr. Pérez"),
            ("lucía", None),
            ("el equipo de selección", "equipo de selección"),
            ("Kim", None),
            ("equipo de talento", None),
            ("Lic. Verónica Salgado", None),
        ],
        "thank_detail": [
            "",
            "los comentarios tan detallados",
            "Las notas tan sinceras",
            "explicarme la decisión",
            "Él me llamó en persona",
            "su paciencia con mis preguntas",
            "por dedicarme tiempo",
            "Gracias por la visita a la oficina",
            "aprendí mucho",
            "paciente",
            "ella fue muy amable",
            "Fue muy amable y me animó a apuntarme a la bolsa de trabajo.",
            "Ser tan directo conmigo",
            "la llamada tan amable",
            "llamarme personalmente",
        ],
        "reasons": ["", "Otra persona tenía más experiencia en Spark"],
        "looking_for": [
            "",
            "puestos de backend en fintech",
            "UX",
            "un puesto de ingeniería de datos",
            "Ingeniera de Datos",
            "un directora de producto",
            "Directora de Producto",
            "algo en remoto",
            "analistas de datos",
            "Cargo de abogada junior en derecho laboral, ojalá con litigio, en Medellín o Bogotá",
            "posiciones fullstack remotas, preferentemente para afuera",
            "Gerente comercial o subgerente de ventas en consumo masivo, Santiago",
            "analista de datos, cerca de casa",
            "Enfermera en hospital, turno de mañana o rotatorio",
        ],
        "known_for": [
            "",
            "hacer rápidos los procesos lentos",
            "paciente",
            "Hago que los equipos entreguen",
            "la calma ante las incidencias",
            "ser constante y meticulosa",
        ],
        "contact_name": ["Priya Patel", "tomás", "Dr. Samuel Ortega", "María José Pérez"],
        "request": [
            "",
            "¿Podrías presentarme a tu jefa?",
            "si me puede dar una carta de recomendación",
            "que me tengas en cuenta para cargos de coordinación",
            "Ayudarme a ensayar el pitch.",
            "Pasame el contacto de la de gestión humana de tu empresa.",
            "preguntarle si conoce clubes de la ACB",
            "una carta de recomendación",
            "Si te llegan puestos de jefe de almacén, me interesan",
            "¿Me contás cómo fue tu pase de la academia a la industria?",
            "Me interesan posiciones de asociado senior en litigio o arbitraje en CDMX.",
        ],
        "your_name": [
            "Alex Díaz",
            "alex",
            'Francisco Javier "Paco" Ortega',
            "Lic. Andrea Hernández",
        ],
    },
}


def answer_set(rng: random.Random, lang: str) -> dict[str, Any]:
    """One session's answers, drawn from the shapes of `lang`."""
    shapes = SHAPES[lang]
    name, address = rng.choice(shapes["messenger_name"])
    channel = rng.choice(CHANNELS)
    out: dict[str, Any] = {
        "company": rng.choice(shapes["company"]),
        "role": rng.choice(shapes["role"]),
        "stage": rng.choice(["applied", "screen", "interviews", "final"]),
        "messenger_name": name,
        "messenger_channel": channel,
        "messenger_email": rng.choice(["", "dana@example.com"]) or None,
        "call_date": "2026-11-24",
        "your_name": rng.choice(shapes["your_name"]),
        "thank_detail": rng.choice(shapes["thank_detail"]) or None,
        "reasons_heard": rng.choice(["given", "asked", "not_yet"]),
        "door": rng.choice(["reapply", "pool", "searches", "none"]),
        "looking_for": rng.choice(shapes["looking_for"]) or None,
        "known_for": rng.choice(shapes["known_for"]) or None,
        "areas": ["technical_depth"],
        "weakness": None,
        "went_well": None,
    }
    if address is not None:
        out["messenger_address"] = address
    if channel in CALLS:
        out["thanked_on_call"] = rng.choice([True, False])
    if out["reasons_heard"] == "not_yet":
        out["feedback_in_thanks"] = rng.choice(["combined", "separate", "not_asking"])
        if out["feedback_in_thanks"] == "separate":
            out["feedback_asked"] = rng.choice(["on_call", "will_email", "not_asking"])
    if out["reasons_heard"] == "given" or rng.random() < 0.3:
        out["reasons"] = rng.choice(shapes["reasons"]) or None
    contacts = []
    for n in range(rng.choice([0, 1, 2, 3])):
        channel_of = rng.choice(CONTACT_CHANNELS)
        contacts.append(
            {
                "_id": f"e{n + 1}",
                # Now and then the one who told them the news (a recruiter to stay in touch
                # with): no second message is made for them.
                "name": name if rng.random() < 1 / 6 else rng.choice(shapes["contact_name"]),
                "relation": rng.choice(RELATIONS),
                "channel": channel_of,
                "email": "priya@example.com"
                if channel_of == "email" and rng.random() < 0.7
                else None,
                "request": rng.choice(shapes["request"]) or None,
            }
        )
    out["contacts"] = contacts
    return {k: v for k, v in out.items() if v is not None}
