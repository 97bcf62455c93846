"""What the test identity provider says about its users, VNeID style: a name, a birth date, a phone, and the
personal ID number under its own scope."""

from oidc_provider.lib.claims import ScopeClaims

PEOPLE = {
    "vneid-lan": {
        "name": "Nguyễn Thị Lan",
        "birthdate": "1990-05-17",
        "phone_number": "+84 912 345 678",
        "email": "lan@example.vn",
        "so_dinh_danh": "001190012345",
    },
}


def userinfo(claims, user):
    claims.update({k: v for k, v in PEOPLE.get(user.username, {}).items() if k in claims})
    claims["so_dinh_danh"] = PEOPLE.get(user.username, {}).get("so_dinh_danh", "")
    return claims


class CitizenScopeClaims(ScopeClaims):
    info_citizen = ("Số định danh cá nhân", "Số định danh cá nhân (CCCD).")

    def scope_citizen(self):
        return {"so_dinh_danh": self.userinfo.get("so_dinh_danh")}
