"""Time of `radsdok.people` against the number of documents when namesakes are many.

Usage: python benchmarks/people_scale.py [--sizes 1000 2000 4000 8000]

The documents are synthetic Document objects built in memory (no parsing): each has two
authors with a party and one addressee named with a role but no party, drawn from 20 given
names, 10 surnames, 8 parties and 12 municipalities, so one surname block holds hundreds of
namesakes and the registry keeps growing with the input. The figures are the seconds the
registry takes, the records it makes, and milliseconds per document: flat ms/doc means the
registry grows with its input, not faster.
"""

from __future__ import annotations

import argparse
import random
import time

import radsdok
from radsdok.models import Addressee, Document, Evidence, Person

_EVIDENCE = Evidence(start=0, end=1, rule="benchmark")
_GIVEN = ["Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Lena", "Anders"]
_GIVEN += ["Sara", "Nils", "Ida", "Olof", "Maja", "Jonas", "Emma", "Gustav", "Sofia", "Mats"]
_SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson"]
_SURNAMES += ["Larsson", "Olsson", "Persson", "Svensson", "Gustafsson"]
_PARTIES = ["S", "M", "V", "C", "L", "KD", "MP", "SD"]
_TOWNS = ["Umeå", "Luleå", "Gävle", "Borås", "Växjö", "Kalmar", "Falun", "Motala", "Ystad", "Lund"]
_TOWNS += ["Mora", "Eksjö"]


def documents(count: int, seed: int = 1) -> list[Document]:
    """`count` interpellations with namesakes everywhere (the same on every run)."""
    pick = random.Random(seed)

    def name() -> str:
        return f"{pick.choice(_GIVEN)} {pick.choice(_SURNAMES)}"

    out = []
    for i in range(count):
        out.append(
            Document(
                source=f"d{i}.txt",
                kind="interpellation",
                date=f"20{10 + i % 12:02d}-0{1 + i % 9}-1{i % 9}",
                municipality=pick.choice(_TOWNS),
                body="kommunfullmäktige",
                authors=[
                    Person(name=name(), party=pick.choice(_PARTIES), evidence=_EVIDENCE) for _ in range(2)
                ],
                addressees=[Addressee(name=name(), role="kommunalråd", evidence=_EVIDENCE)],
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    args = parser.parse_args()
    print(f"{'documents':>10} {'seconds':>8} {'records':>8} {'ms/doc':>7}")
    for size in args.sizes:
        docs = documents(size)
        started = time.perf_counter()
        records = radsdok.people(docs)
        seconds = time.perf_counter() - started
        print(f"{size:>10} {seconds:>8.2f} {len(records):>8} {seconds / size * 1000:>7.2f}")


if __name__ == "__main__":
    main()
